// The agency shortcut of the search page: every agency's name, and its pinyin and initials for people who
// type Latin letters ("gujunzhen", "gjz" → 万源市固军镇人民政府). Two files, so a Chinese query never
// downloads the pinyin. This module runs in the browser too: the pinyin itself is made at build time
// (src/pages/search/agency-pinyin.json.gz.ts), so pinyin-pro's dictionary never reaches the page.

/**
 * `[id, name, province]` per agency, in the order of the pinyin list; a name's ending 人民政府 is written
 * `*` (packName); the province (by name, left out when unknown) is searched first for a query that
 * names the agency, where a year's index is split by province.
 */
export type AgencyNames = [id: string, name: string, province?: string][];
/** `[full pinyin, initials]` per agency, lower case, without tones or spaces. */
export type AgencyPinyin = [full: string, initials: string][];

// Most names end in 人民政府: twelve bytes of every entry of a file each first search downloads.
const GOVERNMENT = '人民政府';
const packName = (name: string) => (name.endsWith(GOVERNMENT) ? `${name.slice(0, -GOVERNMENT.length)}*` : name);
/** A name as agency-names.json.gz holds it → the name. */
export const unpackName = (packed: string) => (packed.endsWith('*') ? `${packed.slice(0, -1)}${GOVERNMENT}` : packed);

export const agencyNames = (agencies: { id: string; name: string; province?: string }[]): AgencyNames =>
  agencies.map((a) => (a.province ? [a.id, packName(a.name), a.province] : [a.id, packName(a.name)]));

/** Latin letters only: the query is pinyin or initials. */
export const isPinyinQuery = (q: string) => /^[a-z]+$/i.test(q.trim());

/**
 * Indexes of the agencies whose name (or, for a Latin query, pinyin or initials) contains the query, best
 * first: the earlier the query sits in the name, then the shorter the name. A Chinese name is usually
 * "<parent place><place><kind>", so 固军 sits in the middle of 万源市固军镇人民政府 and is no worse a match.
 */
export function matchAgencies(q: string, names: AgencyNames, spelled?: AgencyPinyin): number[] {
  const query = q.trim().toLowerCase();
  if (!query) return [];
  const full = names.map(([, packed]) => unpackName(packed));
  const keys = (i: number): string[] => (isPinyinQuery(query) ? (spelled?.[i] ?? []) : [full[i]!]);
  const rank = names.map((_, i) => Math.min(...keys(i).map((k) => (k.includes(query) ? k.indexOf(query) : Infinity))));
  return names
    .map((_, i) => i)
    .filter((i) => rank[i] !== Infinity)
    .sort((a, b) => rank[a]! - rank[b]! || full[a]!.length - full[b]!.length);
}
