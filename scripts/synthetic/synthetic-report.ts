// One synthetic report as a form-independent document: title, six sections, the three tables and
// the signature block, in the shapes real reports take (report-format.md §2, §7).
import { SECTIONS } from '../../model/templates.ts';
import { cellPath } from '../../model/cell-paths.ts';
import type { Agency } from './agencies.ts';
import type { Figures } from './figures.ts';
import { otherMatters, overview, preamble, problems, reviewSummary, selfReference, type Context } from './prose.ts';
import type { Random } from './random.ts';
import { applicationsTable, proactiveTable, reviewTable, type Table } from './synthetic-tables.ts';

export type Block = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string; right?: boolean } | { kind: 'table'; table: Table };

export interface ReportDocument {
  title: string;
  /** ISO date printed in the signature block. */
  published: string;
  blocks: Block[];
}

/** Title forms seen in practice (report-format.md §7). */
function title(agency: Agency, year: number, rnd: Random): string {
  const government = agency.level !== 'department';
  const forms = [
    [`${year}年${agency.name}政府信息公开工作年度报告`, 6],
    [`${agency.name}${year}年政府信息公开工作年度报告`, 2],
    [`${year}年度${agency.short}政府信息公开工作年度报告`, 1],
    [`${agency.short}政府信息公开工作${year}年度报告`, 1],
    // The aggregate report of a place names the place, not its government.
    [`${year}年${agency.short}政府信息公开工作年度报告`, government ? 3 : 0],
  ] as const;
  return forms[rnd.weighted(forms.map((f) => f[1]))][0];
}

/** Departments publish by 1月31日, governments by 3月31日 (条例 第四十九条). */
function publishedOn(agency: Agency, year: number, rnd: Random): { iso: string; printed: string } {
  const month = agency.level === 'department' ? 1 : rnd.int(1, 3);
  const day = rnd.int(month === 1 ? 8 : 1, month === 2 ? 28 : 31);
  const iso = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const printed = rnd.chance(0.2) ? chineseDate(year + 1, month, day) : `${year + 1}年${month}月${day}日`;
  return { iso, printed };
}

const DIGITS = '〇一二三四五六七八九';
/** 二〇二一年一月十九日 */
export function chineseDate(year: number, month: number, day: number): string {
  const small = (n: number) => (n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`);
  return `${[...String(year)].map((d) => DIGITS[Number(d)]).join('')}年${small(month)}月${small(day)}日`;
}

// Heading wordings seen besides the template's (report-format.md §2).
const HEADING_VARIANTS: Record<string, string[]> = {
  review: ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  problems: ['五、存在的主要问题和改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
};

export function composeReport(agency: Agency, year: number, figures: Figures, rnd: Random): ReportDocument {
  const site = agency.level === 'department' || agency.level === 'township' ? `${agency.parent}门户网站` : `${agency.name}门户网站`;
  const c: Context = { agency, year, template: figures.template, we: selfReference(agency), site, n: (...p) => figures.truth.get(cellPath(...p))! };
  const text = (path: string) => figures.texts.get(path)!;
  const heading = (key: string): Block => {
    const variants = HEADING_VARIANTS[key];
    return { kind: 'heading', text: variants && rnd.chance(0.2) ? rnd.pick(variants) : SECTIONS.find((s) => s.key === key)!.label };
  };
  const date = publishedOn(agency, year, rnd);
  const blocks: Block[] = [];
  if (rnd.chance(0.6)) blocks.push({ kind: 'paragraph', text: preamble(c, rnd) });
  blocks.push(heading('overview'));
  const inline = rnd.chance(0.5);
  for (const topic of overview(c, rnd)) {
    if (inline) blocks.push({ kind: 'paragraph', text: `${topic.heading}。${topic.text}` });
    else blocks.push({ kind: 'heading', text: topic.heading }, { kind: 'paragraph', text: topic.text });
  }
  blocks.push(heading('proactive'), { kind: 'table', table: proactiveTable(figures.template, text, rnd.chance(0.4)) });
  blocks.push(heading('applications'), { kind: 'table', table: applicationsTable(figures.template, text) });
  blocks.push(heading('review'));
  if (rnd.chance(0.5)) blocks.push({ kind: 'paragraph', text: reviewSummary(c) });
  blocks.push({ kind: 'table', table: reviewTable(text) });
  blocks.push(heading('problems'), ...problems(c, rnd).map((t): Block => ({ kind: 'paragraph', text: t })));
  blocks.push(heading('other'), { kind: 'paragraph', text: otherMatters(c, rnd) });
  blocks.push({ kind: 'paragraph', text: agency.name, right: true }, { kind: 'paragraph', text: date.printed, right: true });
  return { title: title(agency, year, rnd), published: date.iso, blocks };
}
