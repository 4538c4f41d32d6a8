// Extra words a report page gives the search index besides its prose. The parts of its names go into a
// Pagefind metadata field ("terms"), which Pagefind's ordinary search (the related results) looks in but
// never quotes in an excerpt; an exact-phrase search does not look in metadata, and needs none: 固军 is
// found in 万源市固军镇人民政府 as written. The filled table rows are printed on the page (TableTerms.astro).
import type { Report } from '../../model/report.ts';
import { APPLICATION_ROWS, PROACTIVE } from '../../model/templates.ts';

// Pagefind segments Chinese into words, so a part of a name ("固军") may not match the word it sits in
// ("固军镇"). Pages index a name's own parts as extra words: each administrative unit and its stem.

const SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '人民政府',
  '委员会',
  '办公室',
  '办事处',
  '街道',
  '地区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '旗',
  '区',
  '镇',
  '乡',
  '局',
  '厅',
  '委',
  '办',
  '处',
  '所',
  '站',
  '中心',
];
const UNIT = new RegExp(`.+?(?:${SUFFIXES.join('|')})`, 'gu');

/** "万源市固军镇人民政府" → ["万源市", "万源", "固军镇", "固军"]. */
export function nameParts(name: string): string[] {
  const units = name.match(UNIT) ?? [];
  const parts = units.flatMap((unit) => {
    const stem = unit.slice(0, -SUFFIXES.find((s) => unit.endsWith(s))!.length);
    return stem.length >= 2 ? [unit, stem] : [unit];
  });
  return [...new Set(parts)];
}

/**
 * Labels of the table rows a report filled with a figure other than 0 ("行政强制", "重复申请"): the tables
 * stay out of the index (numbers bloat it, performance-notes.md B.7), yet a search for a row's subject
 * finds the reports that actually report it.
 */
export function tableTerms(r: Report): string[] {
  const { proactive, applications } = r.tableTemplates;
  const active = (values: Record<string, number | null> | undefined) => Object.values(values ?? {}).some((v) => v !== null && v !== 0);
  const rows = [
    ...(proactive ? PROACTIVE[proactive] : []).flatMap((b) => b.rows.filter((row) => active(r.proactive[row.key]))),
    ...(applications ? APPLICATION_ROWS[applications] : []).filter((row) => active(r.applications[row.key])),
  ];
  return [...new Set(rows.map((row) => row.short))];
}

/** The extra words of a report page for the index's metadata: its agency's and region's name parts. */
export const searchTerms = (r: Report) => [...new Set([...nameParts(r.agency), ...nameParts(r.region ?? '')])].join(' ');
