// The search page's agency-name files (src/search/agency-names.ts): every agency with a page, filed under
// each of its keys, the keys hashed into a number of files that grows with the names. pinyin-pro (a
// maintained dictionary with readings chosen from the surrounding words: 长岭 → changling, 重庆 →
// chongqing) spells the names here, once, for the files of kind `p`. Held at once: every agency's name
// and syllables, and one kind's files (an entry per agency, referred to from each file it is in).
import { pinyin } from 'pinyin-pro';
import {
  fileCount,
  fileOf,
  NAME_KINDS,
  PER_FILE,
  nameKeys,
  namePart,
  packName,
  pinyinKeys,
  type AnyEntry,
  type NameKind,
  type NameSizes,
} from '../../src/search/agency-names.ts';

/**
 * A name's syllables, each division spelled apart: read whole, 湖南省长沙市 and 重庆市长寿区 take 省长 and
 * 市长 for words (zhang sha, zhang shou), and the divisions' own words are what a reader types.
 */
export const spellName = (name: string): string[] =>
  name.split(/(?<=[省市区县州盟旗镇乡])/).flatMap((part) => pinyin(part, { toneType: 'none', type: 'array', nonZh: 'removed' }).filter(Boolean));

/** Writes each kind's files (`write(part, entries)`, empty files left out); returns each kind's file sizes. */
export function writeNameFiles(
  agencies: { id: string; name: string; province?: string }[],
  write: (part: string, entries: AnyEntry[]) => void,
  perFile = PER_FILE,
): NameSizes {
  // Each name's syllables, space-separated: one string an agency while the files are made.
  const spelled = agencies.map((a) => spellName(a.name).join(' '));
  const keysOf = (kind: NameKind, i: number) => (kind === 'p' ? pinyinKeys(spelled[i] ? spelled[i].split(' ') : []) : nameKeys(agencies[i]!.name)[kind]);
  const entryOf = (kind: NameKind, i: number): AnyEntry => {
    const { id, name, province } = agencies[i]!;
    const packed = packName(name);
    if (kind === 'p') return province ? [id, packed, spelled[i]!, province] : [id, packed, spelled[i]!];
    return province ? [id, packed, province] : [id, packed];
  };
  const sizes = {} as NameSizes;
  for (const kind of NAME_KINDS) {
    const files = fileCount(
      agencies.reduce((n, _, i) => n + keysOf(kind, i).length, 0),
      perFile,
    );
    const filed: AnyEntry[][] = Array.from({ length: files }, () => []);
    agencies.forEach((_, i) => {
      const entry = entryOf(kind, i);
      for (const n of new Set(keysOf(kind, i).map((k) => fileOf(k, files)))) filed[n]!.push(entry);
    });
    filed.forEach((entries, n) => entries.length > 0 && write(namePart(kind, n), entries));
    sizes[kind] = filed.map((entries) => entries.length);
  }
  return sizes;
}
