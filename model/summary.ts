// One line per report: what list pages, charts and the overview need, without the full report.
// The site's content collection holds these, so its data store stays small at 100k reports.
import { z } from 'zod';
import { applicationRowPaths, cellOf, cellPath, reportPaths, reviewBlockPaths } from './cell-paths.ts';
import { report, type Report } from './report.ts';
import { cellMarks, figureMark, type Grade } from './marks.ts';
import { APPLICANT_PARTS, APPLICATION_ROWS, OUTCOME_GROUPS, REVIEW_BLOCKS, type TemplateId } from './templates.ts';

/**
 * The key figures and the cells each one sums: table 三's 新收, 上年结转, each outcome group (予以公开 …
 * 其他处理: 2019's one （六） row, 2021's three), （七）总计 and 结转 (总计 column); row 一 by applicant
 * (自然人, and the five 法人或其他组织 columns together); and each table 四 block's 总计.
 */
const FIGURES = {
  received: () => [cellPath('applications', 'received', 'total')],
  carriedOver: () => [cellPath('applications', 'carriedOver', 'total')],
  ...(Object.fromEntries(
    OUTCOME_GROUPS.map((g) => [
      g.key,
      (t: TemplateId) => APPLICATION_ROWS[t].filter((r) => r.outcome === g.key).map((r) => cellPath('applications', r.key, 'total')),
    ]),
  ) as Record<(typeof OUTCOME_GROUPS)[number]['key'], (t: TemplateId) => string[]>),
  resultsTotal: () => [cellPath('applications', 'resultsTotal', 'total')],
  carriedForward: () => [cellPath('applications', 'carriedForward', 'total')],
  naturalPerson: () => [cellPath('applications', 'received', 'naturalPerson')],
  organisations: () => applicationRowPaths('received').filter((p) => APPLICANT_PARTS.slice(1).some((c) => p.endsWith(`.${c}`))),
  ...(Object.fromEntries(REVIEW_BLOCKS.map((b) => [b.key, () => reviewBlockPaths(b.key).filter((p) => p.endsWith('.total'))])) as Record<
    (typeof REVIEW_BLOCKS)[number]['key'],
    () => string[]
  >),
} satisfies Record<string, (t: TemplateId) => string[]>;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** The cells a figure sums in a report whose table 三 follows `template` (table 四's figures need none). */
export const figureCells = (key: FigureKey, template: TemplateId | null): string[] =>
  !template && FROM_APPLICATIONS.has(key) ? [] : FIGURES[key](template as TemplateId);

/** Which figures need table 三 (the others are table 四's, the same in every template). */
const FROM_APPLICATIONS = new Set<FigureKey>(FIGURE_KEYS.filter((k) => !REVIEW_BLOCKS.some((b) => b.key === k)));

const figureKey = z.enum(FIGURE_KEYS as [FigureKey, ...FigureKey[]]);

export const figures = z.object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, z.number().nullable()])) as Record<FigureKey, z.ZodNullable<z.ZodNumber>>);
export type Figures = z.infer<typeof figures>;

/** What a summary repeats of its report, in the report's own schema. */
const fromReport = report.pick({
  id: true,
  agencyId: true,
  agency: true,
  year: true,
  title: true,
  published: true,
  level: true,
  region: true,
  parent: true,
  sourceUrl: true,
  template: true,
  tableTemplates: true,
  format: true,
  file: true,
  inferred: true,
});

export const summary = fromReport.extend({
  /** Checks evaluated (0: the tables could not be checked at all). */
  checked: z.number(),
  failed: z.number(),
  undecided: z.number(),
  warnings: z.number(),
  /** Number of table cells nianbao could not tell (the report's `unknown`). */
  unknownCells: z.number(),
  /** Number of table cells with a number, and of cells the report printed blank. */
  decidedCells: z.number(),
  blankCells: z.number(),
  figures,
  /** Figures that are null because a cell they sum could not be told (not because the report left it blank). */
  unknownFigures: z.array(figureKey),
  /** Figures a cell of which the report's own numbers contradict (model/marks.ts `failed`): shown with ⚠. */
  failedFigures: z.array(figureKey),
  /** Figures cut by the arithmetic with every check passing (model/marks.ts `cut`): a quiet note. */
  cutFigures: z.array(figureKey),
  /** Contradicted totals: what their parts add up to ("各列合计 6" beside the printed 0). */
  figureParts: z.record(z.string(), z.array(z.object({ label: z.enum(['各列合计', '各项合计']), sum: z.number() }))),
});
export type Summary = z.infer<typeof summary>;

/** Sum of numbers, or null when any part is blank: a blank is never read as 0. */
export const sumOrNull = (values: (number | null | undefined)[]): number | null =>
  values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, b) => a + b, 0) : null;

export function summarize(r: Report): Summary {
  const value: Partial<Figures> = {};
  const graded: Record<Grade, FigureKey[]> = { unknown: [], failed: [], cut: [] };
  const figureParts: Summary['figureParts'] = {};
  const marks = cellMarks(r);
  for (const key of FIGURE_KEYS) {
    const template = r.tableTemplates.applications;
    const paths = figureCells(key, template);
    value[key] = paths.length ? sumOrNull(paths.map((p) => cellOf(r, p))) : null;
    // No table 三 at all, or a part nianbao could not tell: the figure is unknown, not blank.
    if (value[key] === null && (paths.length === 0 || paths.some((p) => p in r.unknown))) graded.unknown.push(key);
    else {
      const mark = figureMark(marks, paths, (p) => cellOf(r, p));
      if (mark.grade === 'failed' || mark.grade === 'cut') graded[mark.grade].push(key);
      if (mark.parts.length) figureParts[key] = mark.parts;
    }
  }
  const paths = reportPaths(r.tableTemplates);
  return {
    id: r.id,
    agencyId: r.agencyId,
    agency: r.agency,
    year: r.year,
    title: r.title,
    published: r.published,
    level: r.level,
    region: r.region,
    parent: r.parent,
    sourceUrl: r.sourceUrl,
    template: r.template,
    tableTemplates: r.tableTemplates,
    format: r.format,
    file: r.file,
    inferred: r.inferred,
    checked: r.checks.length,
    failed: r.checks.filter((c) => c.ok === false).length,
    undecided: r.checks.filter((c) => c.ok === null).length,
    warnings: r.warnings.length,
    unknownCells: Object.keys(r.unknown).length,
    decidedCells: paths.filter((p) => typeof cellOf(r, p) === 'number').length,
    blankCells: paths.filter((p) => cellOf(r, p) === null && !(p in r.unknown)).length,
    figures: value as Figures,
    unknownFigures: graded.unknown,
    failedFigures: graded.failed,
    cutFigures: graded.cut,
    figureParts,
  };
}

/** A key figure's mark (model/marks.ts): ？ when it could not be told, ⚠ when contradicted, a quiet note when cut. */
export function figureGrade(s: Pick<Summary, 'figures' | 'unknownFigures' | 'failedFigures' | 'cutFigures'>, key: FigureKey): Grade | null {
  if (s.figures[key] === null) return s.unknownFigures.includes(key) ? 'unknown' : null;
  return s.failedFigures.includes(key) ? 'failed' : s.cutFigures.includes(key) ? 'cut' : null;
}
