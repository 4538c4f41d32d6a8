// One input file → one report in the data contract's shape (../shared/spec/data-contract.md), or a
// clear reason why it is not one. Stages: read (bytes → document) → tables (labels → cells, with
// boundaries solved where text ran together) → checks → metadata.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { report as reportSchema, SCHEMA_VERSION, type Report, type Warning } from '../../model/report.ts';
import { reasonOf } from '../../model/diagnostics.ts';
import { reportPaths, rowIdOf, splitPath, type TableTemplates } from '../../model/cell-paths.ts';
import type { ReviewBlockKey } from '../../model/templates.ts';
import { proseText, textLayout, UNREADABLE, type Document } from './read/document.ts';
import { proseFacts } from './prose/facts.ts';
import { fold } from './read/fold.ts';
import { InputError } from './read/input-error.ts';
import { checkSize, readDocument } from './read/read.ts';
import { runChecks } from './checks/checks.ts';
import { equations } from './solve/equations.ts';
import { headings, splitSections, withoutSpans } from './prose/narrative.ts';
import { solve } from './solve/solve.ts';
import type { RowSpec } from './tables/row-specs.ts';
import { readTables } from './tables/tables.ts';
import { tableWarnings, textVersusTables } from './checks/warnings.ts';
import { findTitle, findYear, fullestAgency, levelOf, pageDate, signature, sourceUrl, titleAgency } from './prose/metadata.ts';

/**
 * A report, or why there is none: `input`, the file is not a report nianbao can read (its message says what to
 * do; remembered until the file changes); `internal`, the parser failed on it, a bug (its stack is for the
 * maintainer's log; the next build tries the file again).
 */
export type ParseOutcome = { report: Report } | { error: string; kind: 'input' } | { error: string; kind: 'internal'; stack: string };

const inputError = (error: string): ParseOutcome => ({ error, kind: 'input' });

export async function parseFile(path: string): Promise<ParseOutcome> {
  let bytes: Uint8Array;
  try {
    // Looked at before it is read: a FIFO would block and a huge file fill memory.
    const info = await stat(path);
    if (!info.isFile()) return inputError('not a regular file (a folder, FIFO or device): nianbao reads report files');
    checkSize(path, info.size);
    bytes = await readFile(path);
  } catch (cause) {
    if (cause instanceof InputError) return inputError(cause.message);
    return inputError(`cannot read the file (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`);
  }
  return parseBytes(path, bytes);
}

/** Never throws: every input gets its report or a one-line reason, even when the parser has a bug. */
export async function parseBytes(file: string, bytes: Uint8Array): Promise<ParseOutcome> {
  try {
    return { report: await parse(file, bytes) };
  } catch (error) {
    if (error instanceof InputError) return inputError(error.message);
    // A bug, not the input: the build log gets the stack, the list of files a line without it.
    const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0].slice(0, 200)}` : String(error).slice(0, 200);
    const stack = error instanceof Error ? (error.stack ?? what) : what;
    return { error: `internal error in the parser (${what}); please report it with this file`, kind: 'internal', stack };
  }
}

async function parse(file: string, bytes: Uint8Array): Promise<Report> {
  const { format, doc } = await readDocument(file, bytes);
  const prose = proseText(doc);
  const folded = fold(prose);
  const { detected, template, observed, notFound, refused, spans, sourceText, printedAt, ordered } = readTables(doc, folded);
  const facts = proseFacts(withoutSpans(folded, spans));
  const solution = solve([...observed.values()], equations(detected.applications), facts);
  // Cells chosen by the arithmetic among the orders a table's figures may have been printed in: inferred.
  solution.inferred ||= ordered;
  const get = (path: string) => solution.values.get(path) ?? null;
  const warnings: Warning[] = [
    ...solution.warnings,
    ...garbledText(sourceText, solution),
    ...tableWarnings(detected, notFound, solution.inferred, refused),
    ...textVersusTables(facts, get),
  ];
  const tableTemplates: TableTemplates = { proactive: detected.proactive, applications: detected.applications };
  const checks = template ? runChecks(tableTemplates, get) : [];

  // Who and when.
  const title = findTitle(prose, doc.pageTitle);
  const year = findYear(title, prose);
  const sectionMarks = headings(prose);
  if (!title && sectionMarks.length < 2 && !template) {
    throw new InputError('not a 政府信息公开工作年度报告: no report title, section headings or statistics tables found');
  }
  if (year === null) throw new InputError('cannot tell which year the report covers: no "YYYY年" in its title or text');
  const signed = signature(prose);
  const core = title ? titleAgency(title) : '';
  const agency = core ? fullestAgency(core, prose, signed.name) : signed.name;
  if (!agency) throw new InputError('cannot tell which agency wrote the report: no name in its title or signature');
  const published = publicationDate(signed.date, doc.pageDate, prose, year, warnings);

  const agencyId = createHash('sha256').update(agency.replace(/\s+/g, '')).digest('hex').slice(0, 12);
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    id: `${agencyId}-${year}`,
    agencyId,
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format,
    title,
    agency,
    year,
    published,
    level: levelOf(agency),
    region: null,
    parent: null,
    sourceUrl: sourceUrl(doc.pageUrl, prose),
    template,
    tableTemplates,
    inferred: solution.inferred,
    cut: solution.cut,
    ...tablesOf(tableTemplates, get),
    sections: splitSections(prose, spans),
    raw: Object.fromEntries(solution.raw),
    unknown: unknownCells(reportPaths(tableTemplates), get, solution.raw, warnings),
    sourceText,
    printed: printedRows(printedAt, sourceText),
    ...(doc.pages ? { pageStarts: pageStarts(doc) } : {}),
    checks,
    warnings,
  };
  return reportSchema.parse(report);
}

/**
 * Text a PDF's font could not give (pdf-layout.ts): its cells are not blanks but cannot be told, and the
 * report says how much of its text is affected.
 */
function garbledText(sourceText: string, solution: ReturnType<typeof solve>): Warning[] {
  const words = sourceText.split(/\s+/).filter((w) => w.includes(UNREADABLE)).length;
  if (!words) return [];
  const cells = [...solution.raw].filter(([, text]) => text.includes(UNREADABLE)).map(([path]) => path);
  for (const path of cells) {
    solution.values.set(path, null);
    solution.raw.delete(path);
  }
  return [
    {
      code: 'pdf/garbled-text',
      message: `PDF 中有 ${words} 处文字所用的字体没有字符映射（ToUnicode），读出的是字形编号而不是文字，原文显示为 ${UNREADABLE}${
        cells.length ? `；其中 ${cells.length} 个表格单元格因此无法确定，留空，不作猜测` : ''
      }。请提供字体完整的 PDF，或报告的网页、Word 原文。`,
      ...(cells.length ? { cells } : {}),
    },
  ];
}

/** Where each page of a PDF starts in its text: the start of its first block (a page without text starts where the next does). */
function pageStarts(doc: Document): number[] {
  const { blocks, text } = textLayout(doc);
  const last = Math.max(0, ...doc.pages!);
  const starts: number[] = Array(last).fill(-1);
  doc.pages!.forEach((page, i) => {
    if (starts[page - 1] < 0) starts[page - 1] = blocks[i];
  });
  for (let p = last - 1, next = text.length; p >= 0; p--) next = starts[p] = starts[p] < 0 ? next : starts[p];
  return starts;
}

/** The report's tables from its cell values: `proactive`, `applications` and the three table 四 blocks. */
function tablesOf(t: TableTemplates, get: (p: string) => number | null): Pick<Report, 'proactive' | 'applications' | ReviewBlockKey> {
  const tables: Record<string, Record<string, unknown>> = { proactive: {}, applications: {} };
  for (const path of reportPaths(t)) {
    const { key, row, column } = splitPath(path);
    const table = (tables[key] ??= {});
    const holder = row === undefined ? table : ((table[row] ??= {}) as Record<string, unknown>);
    holder[column] = get(path);
  }
  return tables as unknown as Pick<Report, 'proactive' | 'applications' | ReviewBlockKey>;
}

/** Each row read → where its printed figures stand in `sourceText`, keyed `proactive.licensing`, `applications.received`, `review`. */
function printedRows(at: Map<RowSpec, [number, number]>, sourceText: string): Report['printed'] {
  const printed: Report['printed'] = {};
  for (const [spec, [start, end]] of at) {
    printed[rowIdOf(spec.paths[0]!)] = { text: sourceText.slice(start, end), start, end };
  }
  return printed;
}

/**
 * Cells left null that the report did not print blank (a printed blank keeps its text, "" when empty, in
 * `raw`): nianbao cannot tell them, for the reason of the first warning naming them.
 */
function unknownCells(paths: string[], get: (p: string) => number | null, raw: Map<string, string>, warnings: Warning[]): Report['unknown'] {
  const unknown: Report['unknown'] = {};
  for (const path of paths) {
    if (get(path) !== null || raw.has(path)) continue;
    const reason = warnings.find((w) => reasonOf(w.code) && w.cells?.includes(path));
    unknown[path] = reason ? reasonOf(reason.code)! : 'unreadable';
  }
  return unknown;
}

/**
 * The date printed under the signature, if it is plausible for a report on `year` (published in
 * the following two years), else the page's own date line.
 */
function publicationDate(signed: string | null, page: string | undefined, prose: string, year: number, warnings: Warning[]): string | null {
  const plausible = (d: string | null) => d !== null && Number(d.slice(0, 4)) > year && Number(d.slice(0, 4)) <= year + 2;
  if (plausible(signed)) return signed;
  const fromPage = pageDate(page) ?? pageDate(/(?:发布时间|发布日期|时间)\s*[:：]\s*([^\n]{8,20})/u.exec(prose)?.[1]);
  if (signed && !plausible(signed)) {
    warnings.push({
      code: 'meta/implausible-date',
      message: `落款日期 ${signed} 不可能是 ${year} 年度报告的发布日期，${fromPage ? `改用网页发布日期 ${fromPage}` : '发布日期留空'}。`,
    });
  }
  return plausible(fromPage) || (fromPage && !signed) ? fromPage : null;
}
