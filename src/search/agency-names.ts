// The agency shortcut of the search page: an agency's name, its pinyin or initials ("gujunzhen", "gjz" →
// 万源市固军镇人民政府) lead to its page. A national portal names some 200,000 agencies, megabytes even
// gzipped, so the names are filed by key and a query downloads the file of one key (of two for Latin
// letters, read as pinyin and as initials): every agency it matches is in it. Keys are a name's
// characters (for a query of one character), its pairs of adjacent characters (鸣化镇 → the file of 鸣化
// or of 化镇, whichever is smaller), and for Latin queries the first three and five letters of the pinyin
// from each syllable and two and three letters of the initials from each letter (pinyin is read from the
// start of a syllable, two letters as initials). Keys are hashed into a number of files that grows with
// the names (one file of each kind for a small portal), and each kind's file sizes come in a small file
// of their own, so a query picks the smallest file it needs and knows an empty one without asking. This
// module runs in the browser and at build time; the pinyin is made at build time
// (scripts/page-data/name-files.ts), so pinyin-pro's dictionary never reaches the page.

/** An agency in a file of kind `c` or `b`: a name as `packName` writes it; the province (by name) when known. */
export type NameEntry = [id: string, name: string, province?: string];
/** An agency in a file of kind `p`: with its pinyin, lower case, without tones, the syllables apart ("wan yuan shi …"). */
export type PinyinEntry = [id: string, name: string, spelled: string, province?: string];
export type AnyEntry = NameEntry | PinyinEntry;

/** One character, two adjacent characters, pinyin. */
export const NAME_KINDS = ['c', 'b', 'p'] as const;
export type NameKind = (typeof NAME_KINDS)[number];
/** The number of agencies in each file of a kind, by file number. */
export type NameSizes = Record<NameKind, number[]>;

/** The files of the names: `<kind><n>` for file n of a kind, `sizes-<kind>` for a kind's sizes. */
export const namePart = (kind: NameKind, n: number) => `${kind}${n}`;
export const sizesPart = (kind: NameKind) => `sizes-${kind}`;
/** The kind whose sizes a file holds, if it holds sizes. */
export const sizesOf = (part: string) => NAME_KINDS.find((kind) => part === sizesPart(kind));
/** Every file of names filed with these sizes: each kind's sizes and its files that hold an agency. */
export const nameParts = (sizes: Partial<NameSizes>) =>
  NAME_KINDS.flatMap((kind) => [sizesPart(kind), ...(sizes[kind] ?? []).flatMap((n, i) => (n > 0 ? [namePart(kind, i)] : []))]);

// Most names end in 人民政府: twelve bytes of every entry of a file each first search downloads.
const GOVERNMENT = '人民政府';
export const packName = (name: string) => (name.endsWith(GOVERNMENT) ? `${name.slice(0, -GOVERNMENT.length)}*` : name);
/** A name as a names file holds it → the name. */
export const unpackName = (packed: string) => (packed.endsWith('*') ? `${packed.slice(0, -1)}${GOVERNMENT}` : packed);

/** Latin letters only: the query is pinyin or initials. */
export const isPinyinQuery = (q: string) => /^[a-z]+$/i.test(q.trim());

const distinct = (keys: string[]) => [...new Set(keys)];
const pairs = (chars: string[]) => chars.slice(1).map((c, i) => `${chars[i]}${c}`);

/** A name's keys of kind `c` and `b`: its characters (lower case) and its pairs of adjacent characters. */
export function nameKeys(name: string): { c: string[]; b: string[] } {
  const chars = [...name.toLowerCase()];
  return { c: distinct(chars), b: distinct(pairs(chars)) };
}

/**
 * The keys of kind `p` of a name spelled in these syllables: the first three and five letters of its
 * pinyin from each syllable on, and two and three letters of its initials from each letter on. Two
 * letters are read as initials only (gj, not the gu of gujun): keys of two letters of the pinyin would
 * file every agency under ten more keys, and say little of a name.
 */
export function pinyinKeys(syllables: string[]): string[] {
  const { full, initials, starts } = spelling(syllables);
  return distinct([
    ...starts.flatMap((i) => [full.slice(i, i + 3), full.slice(i, i + 5)]).filter((k) => k.length === 3 || k.length === 5),
    ...[...initials].flatMap((_, i) => [initials.slice(i, i + 2), initials.slice(i, i + 3)]).filter((k) => k.length >= 2),
  ]);
}

/** A name's pinyin in one string, its initials, and where in the string each syllable starts. */
function spelling(syllables: string[]): { full: string; initials: string; starts: number[] } {
  let at = 0;
  const starts = syllables.map((s) => (at += s.length) - s.length);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), starts };
}

/**
 * The kind of file a query is looked up in, and its keys: groups, each the keys one reading of the query
 * gives every agency it matches, so that the agency is in the file of any key of a group it matches by.
 * Chinese: one group, its characters apart (one character) or its pairs. Latin letters: read as pinyin
 * from a syllable's start (its first three, and five, letters) and as initials (every three letters in
 * it; two letters are initials only). None for an empty query or a single Latin letter.
 */
export function queryKeys(q: string): { kind: NameKind; groups: string[][] } | null {
  const query = q.trim().toLowerCase();
  if (isPinyinQuery(query)) {
    if (query.length < 3) return query.length < 2 ? null : { kind: 'p', groups: [[query]] };
    const pinyin = [query.slice(0, 3), ...(query.length >= 5 ? [query.slice(0, 5)] : [])];
    const initials = distinct([...query].slice(2).map((_, i) => query.slice(i, i + 3)));
    return { kind: 'p', groups: [pinyin, initials] };
  }
  const chars = [...query];
  if (chars.length === 0) return null;
  return { kind: chars.length === 1 ? 'c' : 'b', groups: [chars.length === 1 ? chars : distinct(pairs(chars))] };
}

/** FNV-1a over the key's UTF-16 code units: the same file for a key at build time and in the browser. */
export function fileOf(key: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % files;
}

/** Agencies a file holds on average, at most; more files past MAX_FILES. */
export const PER_FILE = 256;
const MAX_FILES = 2048;
/** How many files a kind is hashed into, given how many agency-key pairs it files: a power of two. */
export function fileCount(filed: number, perFile = PER_FILE): number {
  let n = 1;
  while (n < MAX_FILES && n * perFile < filed) n *= 2;
  return n;
}

/**
 * The largest file a query downloads: about 85 KB gzipped. A query that would need a larger one (县,
 * 人民政府 on a national portal) lists no agencies and says why.
 */
export const MAX_LOOKUP = 5000;

/**
 * The files that hold every agency a query's key groups can match (queryKeys), of a kind with these
 * sizes: the smallest file of each group (none when it is empty); or, when some group's smallest file
 * holds more than MAX_LOOKUP agencies, how many.
 */
export function lookup(groups: string[][], sizes: number[]): { files: number[] } | { tooMany: number } {
  const best = groups.map((keys) => keys.map((k) => fileOf(k, sizes.length)).sort((a, b) => sizes[a]! - sizes[b]!)[0]!);
  const tooMany = Math.max(0, ...best.map((f) => sizes[f] ?? 0));
  if (tooMany > MAX_LOOKUP) return { tooMany };
  return { files: [...new Set(best)].filter((f) => (sizes[f] ?? 0) > 0) };
}

/** The entries of the files a query looked up (lookup), an agency in two of them once. */
export const entriesOf = (files: AnyEntry[][]): AnyEntry[] => [...new Map(files.flat().map((e) => [e[0], e])).values()];

/**
 * Indexes of the entries whose name (or, for a Latin query, pinyin or initials) contains the query, best
 * first: the earlier the query sits in the name, then the shorter the name. A Chinese name is usually
 * "<parent place><place><kind>", so 固军 sits in the middle of 万源市固军镇人民政府 and is no worse a match.
 */
export function matchAgencies(q: string, entries: AnyEntry[]): number[] {
  const query = q.trim().toLowerCase();
  if (!query) return [];
  const full = entries.map(([, packed]) => unpackName(packed));
  const rank = entries.map((e, i) => (isPinyinQuery(query) ? pinyinRank(query, (e as PinyinEntry)[2]) : full[i]!.toLowerCase().indexOf(query)));
  return entries
    .map((_, i) => i)
    .filter((i) => rank[i]! >= 0)
    .sort((a, b) => rank[a]! - rank[b]! || full[a]!.length - full[b]!.length);
}

/**
 * The syllable at which a Latin query matches a name spelled so: as its pinyin from a syllable's start
 * (three letters or more), or as its initials (queryKeys); -1 if neither.
 */
function pinyinRank(query: string, spelled: string): number {
  const { full, initials, starts } = spelling(spelled ? spelled.split(' ') : []);
  const asPinyin = query.length >= 3 ? starts.findIndex((at) => full.startsWith(query, at)) : -1;
  const asInitials = initials.indexOf(query);
  return asPinyin < 0 ? asInitials : asInitials < 0 ? asPinyin : Math.min(asPinyin, asInitials);
}

/** An entry's province, if it names one. */
export const provinceOf = (e: AnyEntry, kind: NameKind): string | undefined => (kind === 'p' ? (e as PinyinEntry)[3] : (e as NameEntry)[2]);
