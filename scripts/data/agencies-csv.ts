// content/agencies.csv (optional, read with Papa Parse): region, level, parent agency and source URL
// per agency, overriding what the parser inferred from the name, and `aliases`: other names of the same
// agency (separated by ；, ; or |), merged into it. Then each report takes its agency's identity
// (./agency-identity.ts): one agency, one page, across the ways its name is written.
import Papa from 'papaparse';
import { LEVELS, LEVEL_LABELS, type Level, type Report } from '../../model/report.ts';
import { levelOf } from '../parser/metadata.ts';
import { bareName, identify, withIdentity } from './agency-identity.ts';

export interface AgencyInfo {
  region?: string;
  level?: Level;
  parent?: string;
  sourceUrl?: string;
  /** The name of the row this one is an alias of. */
  name?: string;
}

const LEVEL_BY_LABEL = new Map<string, Level>([
  ...LEVELS.map((l) => [l, l] as const),
  ...Object.entries(LEVEL_LABELS).map(([l, label]) => [label, l as Level] as const),
]);
const bare = bareName;

/** Name → info; problems (unknown level, unsafe URL) are returned as messages, not thrown. */
export function readAgencies(text: string): { byName: Map<string, AgencyInfo>; named: { name: string; info: AgencyInfo }[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const byName = new Map<string, AgencyInfo>();
  const named: { name: string; info: AgencyInfo }[] = [];
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
    named.push({ name, info });
    const aliases = (row.aliases ?? row['别名'] ?? '').split(/[;；|]/u).map((a) => a.trim());
    for (const alias of aliases.filter(Boolean)) byName.set(bare(alias), { ...info, name });
  }
  return { byName, named, problems };
}

/** The report with what agencies.csv says of its agency, under the agency's identity. */
export function applyAgencyInfo(r: Report, byName: Map<string, AgencyInfo>): Report {
  const info = byName.get(bare(r.agency)) ?? {};
  return withIdentity({ ...r, parent: info.parent ?? r.parent, sourceUrl: r.sourceUrl ?? info.sourceUrl ?? null }, info);
}

/** The agency id a report printing `agency` had under the first identity rules (its old addresses redirect). */
export function formerAgencyId(agency: string, byName: Map<string, AgencyInfo>): string {
  const info = byName.get(bare(agency)) ?? {};
  return identify(info.name ?? agency, info.region, { version: 1 }).agencyId;
}

/**
 * The agencies agencies.csv lists (by their rows, not their aliases), as their reports would be placed:
 * region and level as the csv gives them, else as the name tells. The region pages and coverage.csv count
 * them as expected every year, with a report or not (model/coverage.ts).
 */
export function listedAgencies(csv: string): { id: string; name: string; level: Level; region: string | null }[] {
  const byId = new Map<string, { id: string; name: string; level: Level; region: string | null }>();
  for (const { name, info } of readAgencies(csv).named) {
    const id = identify(name, info.region);
    if (!byId.has(id.agencyId)) byId.set(id.agencyId, { id: id.agencyId, name, level: info.level ?? id.level ?? levelOf(name), region: info.region ?? id.region });
  }
  return [...byId.values()];
}
