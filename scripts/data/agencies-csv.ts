// content/agencies.csv (optional, read with Papa Parse): region, level, parent agency and source URL
// per agency, overriding what the parser inferred from the name.
import Papa from 'papaparse';
import { LEVELS, LEVEL_LABELS, type Level, type Report } from '../../model/report.ts';

export interface AgencyInfo {
  region?: string;
  level?: Level;
  parent?: string;
  sourceUrl?: string;
}

const LEVEL_BY_LABEL = new Map<string, Level>([
  ...LEVELS.map((l) => [l, l] as const),
  ...Object.entries(LEVEL_LABELS).map(([l, label]) => [label, l as Level] as const),
]);
const bare = (s: string) => s.replace(/\s+/g, '').replace(/人民政府/g, '政府');

/** Name → info; problems (unknown level, unsafe URL) are returned as messages, not thrown. */
export function readAgencies(text: string): { byName: Map<string, AgencyInfo>; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const byName = new Map<string, AgencyInfo>();
  const problems = parsed.errors.map((e) => `agencies.csv line ${(e.row ?? 0) + 2}: ${e.message}`);
  for (const [i, row] of parsed.data.entries()) {
    const name = (row.agency ?? row.name ?? row['机构'] ?? '').trim();
    if (!name) continue;
    const level = (row.level ?? row['层级'] ?? '').trim();
    const url = (row.source_url ?? row.sourceurl ?? row.url ?? row['来源'] ?? '').trim();
    const info: AgencyInfo = {};
    if (row.region?.trim() || row['地区']?.trim()) info.region = (row.region ?? row['地区']).trim();
    if (row.parent?.trim() || row['上级']?.trim()) info.parent = (row.parent ?? row['上级']).trim();
    if (level) {
      const known = LEVEL_BY_LABEL.get(level);
      if (known) info.level = known;
      else problems.push(`agencies.csv line ${i + 2}: level "${level}" is not one of ${LEVELS.join(', ')}`);
    }
    if (url) {
      if (/^https?:\/\//i.test(url)) info.sourceUrl = url;
      else problems.push(`agencies.csv line ${i + 2}: source_url "${url}" is not an http(s) address; ignored`);
    }
    byName.set(bare(name), info);
  }
  return { byName, problems };
}

export function applyAgencyInfo(r: Report, byName: Map<string, AgencyInfo>): Report {
  const info = byName.get(bare(r.agency));
  if (!info) return r;
  return { ...r, region: info.region ?? r.region, level: info.level ?? r.level, parent: info.parent ?? r.parent, sourceUrl: info.sourceUrl ?? r.sourceUrl };
}
