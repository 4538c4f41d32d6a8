// Who reported: the one owner of "expected years". An agency is expected in a year once it has a report in
// an earlier or later year, or content/agencies.csv lists it; so an agency the portal knows is expected in
// every year the portal holds reports for. The agency page's years, the region pages' counts and
// coverage.csv all come from here. A year without a report in the portal is not proof that the agency
// published none: the report may not have been collected.
export interface Covered {
  /** Years of its reports in the portal. */
  years: number[];
  /** Their report ids, in the order of `years`. */
  reports: string[];
  /** content/agencies.csv lists it. */
  listed?: boolean;
}

/**
 * The years the portal covers, newest first: those `NIANBAO_YEARS` names (`npm run build -- --years
 * 2019-2024`, or `2019,2021`) when it is set, and the years the build holds reports for. A shard of a build
 * in shards holds only its own, so its agency pages know the portal's other years only from this setting.
 */
export function portalYears(buildYears: number[]): number[] {
  const given = process.env.NIANBAO_YEARS ? parseYears(process.env.NIANBAO_YEARS) : [];
  if (given instanceof Error) throw given;
  return [...new Set([...given, ...buildYears])].sort((a, b) => b - a);
}

/** "2019-2024" or "2019,2021,2022" → the years; an Error saying what is wrong otherwise. */
export function parseYears(text: string): number[] | Error {
  const range = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from <= to) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const list = text.split(',').map((y) => y.trim());
  if (list.every((y) => /^\d{4}$/.test(y))) return list.map(Number);
  return new Error(`The portal's years "${text}" are not a range like 2019-2024 or a list like 2019,2021.`);
}

/** The years an agency is expected to have a report for: the portal's years, once it is known at all. */
export const expectedYears = (corpusYears: number[], a: Pick<Covered, 'years' | 'listed'>): number[] =>
  a.years.length > 0 || a.listed ? [...corpusYears].sort((x, y) => y - x) : [];

/** Each expected year, newest first, with its report's id or null when the portal has none. */
export function coverageOf(corpusYears: number[], a: Covered): { year: number; report: string | null }[] {
  const reportOf = new Map(a.years.map((y, i) => [y, a.reports[i]!]));
  return expectedYears(corpusYears, a).map((year) => ({ year, report: reportOf.get(year) ?? null }));
}

/** What a missing year means, wherever one is counted or shown. */
export const NOT_PROOF = '本库没有某年度的报告，不等于该机关当年没有发布：也可能尚未收录。';

/** coverage.csv: one row per agency and expected year, with its Chinese names and meanings (the data dictionary of the file). */
export const COVERAGE_COLUMNS = [
  { key: 'province', label: '省级', meaning: '机关所在的省级行政区（全国行政区划中找不到时为空）', type: 'string' },
  { key: 'city', label: '地级', meaning: '机关所在的地级行政区（没有或找不到时为空）', type: 'string' },
  { key: 'county', label: '县级', meaning: '机关所在的县级行政区（没有或找不到时为空）', type: 'string' },
  { key: 'region', label: '地区', meaning: '机关的地区，如本库所记（未定时为空）', type: 'string' },
  { key: 'agencyId', label: '机构编号', meaning: '机构的稳定编号，网址 /agencies/<id>/', type: 'string' },
  { key: 'agency', label: '机构', meaning: '机构名称（最近一年报告中的名称，或 agencies.csv 中的名称）', type: 'string' },
  { key: 'level', label: '层级', meaning: 'province、city、county、township、department 或 other', type: 'string' },
  { key: 'listed', label: '列于名录', meaning: 'true：content/agencies.csv 列出了该机关，本库却没有它的任何报告', type: 'boolean' },
  { key: 'year', label: '年度', meaning: '应有报告的年度：本库收录报告的每一个年度', type: 'integer' },
  { key: 'report', label: '报告编号', meaning: '本库中该机关该年度报告的编号；为空表示本库没有该年度的报告（不等于该机关没有发布）', type: 'string' },
] as const;
