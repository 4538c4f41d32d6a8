// The search page's agency shortcut: names filed by key (scripts/page-data/name-files.ts) and looked up as
// the page looks them up (src/search/agency-names.ts), one file a query. The oracle is the name itself:
// an agency is offered for a query its name (or pinyin, typed here by hand) contains, and for no other.
import { describe, expect, test } from 'vitest';
import { writeNameFiles } from '../../scripts/page-data/name-files.ts';
import {
  entriesOf,
  fileCount,
  fileOf,
  lookup,
  matchAgencies,
  MAX_LOOKUP,
  NAME_KINDS,
  namePart,
  nameParts,
  queryKeys,
  unpackName,
  type AnyEntry,
  type NameSizes,
} from '../../src/search/agency-names.ts';

// Names as agencies print them; enough of them that each kind is filed in more than one file.
const NAMES = [
  '万源市固军镇人民政府',
  '红旗乡人民政府',
  '固军县教育局',
  '达州市通川区人民政府办公室',
  '宣汉县南坝镇人民政府',
  '渠县卫生健康局',
  '大竹县市场监督管理局',
  '开江县自然资源局',
  '重庆市长寿区人民政府',
  '长岭县人民政府',
  '湖南省长沙市人民政府',
  '南京市鼓楼区人民政府',
  '福州市鼓楼区人民政府',
  '徐州市鼓楼区司法局',
  '平潭综合实验区管理委员会',
  '苏州工业园区管理委员会',
  '淮安市洪泽区人民政府',
  '洪泽区高良涧街道办事处',
  '江苏省人力资源和社会保障厅',
  '四川省生态环境厅',
  '新疆维吾尔自治区交通运输厅',
  '乌苏市夹河子乡人民政府',
  '卫辉市顿坊店乡人民政府',
  '西藏自治区林芝市人民政府',
  '广西壮族自治区南宁市青秀区人民政府',
  '内蒙古自治区呼和浩特市回民区人民政府',
  '上海市浦东新区人民政府',
  '北京市朝阳区应急管理局',
  '天津市滨海新区退役军人事务局',
  '深圳市南山区粤海街道办事处',
  '杭州市西湖区文化和旅游局',
];
const agencies = NAMES.map((name, i) => ({ id: `a${i}`, name, ...(i % 3 === 0 ? {} : { province: '某省' }) }));

/** The files of these names, filed as a portal files them, or with `perFile` agencies a file on average. */
function filing(perFile?: number) {
  const files = new Map<string, AnyEntry[]>();
  const sizes: NameSizes = writeNameFiles(agencies, (part, entries) => files.set(part, entries), perFile);
  return { files, sizes };
}
const small = filing();
// As a national portal's: each file a small share of the names, so an agency is in few of them.
const national = filing(2);

/** What the search page offers for a query: the ids of the agencies, best first. */
function offered(q: string, { files, sizes } = national): string[] | 'too many' {
  const keys = queryKeys(q);
  if (!keys) return [];
  const where = lookup(keys.groups, sizes[keys.kind]);
  if ('tooMany' in where) return 'too many';
  const entries = entriesOf(where.files.map((n) => files.get(namePart(keys.kind, n))!));
  return matchAgencies(q, entries).map((i) => entries[i]![0]);
}
const id = (name: string) => `a${NAMES.indexOf(name)}`;

describe('the agency shortcut, filed by key', () => {
  test('a portal of 31 agencies has a few files of each kind; every file listed exists', () => {
    for (const kind of ['c', 'b', 'p'] as const) expect(small.sizes[kind].length, kind).toBeLessThanOrEqual(8);
    for (const { files, sizes } of [small, national]) {
      const parts = nameParts(sizes).filter((p) => !p.startsWith('sizes-'));
      expect(parts.sort()).toEqual([...files.keys()].sort());
    }
    // Filed finer, an agency is in a small share of the files.
    const shares = NAME_KINDS.map((kind) => national.sizes[kind].reduce((a, b) => a + b) / national.sizes[kind].length / NAMES.length);
    for (const share of shares) expect(share).toBeLessThan(0.1);
  });

  test('a small portal offers the same agencies', () => {
    for (const q of ['固军', '鼓楼区', '渠', 'gjz', 'changsha', '巩固']) expect(offered(q, small), q).toEqual(offered(q));
  });

  test('part of a name, earlier in the name first; never characters apart', () => {
    expect(offered('固军')).toEqual([id('固军县教育局'), id('万源市固军镇人民政府')]);
    expect(offered('固军镇人民政府')).toEqual([id('万源市固军镇人民政府')]);
    expect(offered('巩固')).toEqual([]);
    // At the same place in the name, the shorter name first.
    expect(offered('鼓楼区')).toEqual([id('徐州市鼓楼区司法局'), id('南京市鼓楼区人民政府'), id('福州市鼓楼区人民政府')]);
    expect(offered('洪泽')).toEqual([id('洪泽区高良涧街道办事处'), id('淮安市洪泽区人民政府')]);
  });

  test('one character', () => {
    expect(offered('渠')).toEqual([id('渠县卫生健康局')]);
    expect(offered('夹')).toEqual([id('乌苏市夹河子乡人民政府')]);
  });

  test('pinyin from the start of a syllable, and initials, in any case', () => {
    expect(offered('gujunzhen')).toEqual([id('万源市固军镇人民政府')]);
    expect(offered('GJZ')).toEqual([id('万源市固军镇人民政府')]);
    expect(offered('hqx')).toEqual([id('红旗乡人民政府')]);
    // Readings chosen from the words around: 长岭 changling, 重庆 chongqing; 长沙 after 省, 长寿 after 市.
    expect(offered('changling')).toEqual([id('长岭县人民政府')]);
    expect(offered('chongqing')).toEqual([id('重庆市长寿区人民政府')]);
    expect(offered('changshou')).toEqual([id('重庆市长寿区人民政府')]);
    expect(offered('changsha')).toEqual([id('湖南省长沙市人民政府')]);
    expect(offered('dunfangdian')).toEqual([id('卫辉市顿坊店乡人民政府')]);
    // Pinyin is read from a syllable's start: ujun sits inside gu·jun.
    expect(offered('ujunzhen')).toEqual([]);
    // Two letters are initials; one says nothing of a name.
    // 万源 first; then 委员 in 苏州工业园区管理委员会 (szgyyqglwyh) and 平潭综合实验区管理委员会 (ptzhsyqglwyh).
    expect(offered('wy')).toEqual([id('万源市固军镇人民政府'), id('苏州工业园区管理委员会'), id('平潭综合实验区管理委员会')]);
    expect(offered('gu')).toEqual([]);
    expect(offered('g')).toEqual([]);
  });

  test('every part of every name finds its agency, and only agencies whose name holds it', () => {
    for (const name of NAMES)
      for (let from = 0; from < name.length; from++)
        for (let length = 1; length <= 4 && from + length <= name.length; length++) {
          const q = name.slice(from, from + length);
          const found = offered(q);
          expect(found, q).not.toBe('too many');
          expect(found, q).toContain(id(name));
          for (const other of found as string[]) expect(NAMES[Number(other.slice(1))], q).toContain(q);
        }
  });

  test('pinyin typed from any syllable (three letters or more), and initials from any letter, find the agency', () => {
    // Typed by hand.
    const spelled: [string, string][] = [
      ['万源市固军镇人民政府', 'wan yuan shi gu jun zhen ren min zheng fu'],
      ['红旗乡人民政府', 'hong qi xiang ren min zheng fu'],
      ['长岭县人民政府', 'chang ling xian ren min zheng fu'],
      ['湖南省长沙市人民政府', 'hu nan sheng chang sha shi ren min zheng fu'],
      ['重庆市长寿区人民政府', 'chong qing shi chang shou qu ren min zheng fu'],
      ['卫辉市顿坊店乡人民政府', 'wei hui shi dun fang dian xiang ren min zheng fu'],
      ['洪泽区高良涧街道办事处', 'hong ze qu gao liang jian jie dao ban shi chu'],
    ];
    for (const [name, pinyin] of spelled) {
      const syllables = pinyin.split(' ');
      const [full, initials] = [syllables.join(''), syllables.map((s) => s[0]).join('')];
      const queries = syllables.flatMap((_, i) => {
        const from = syllables.slice(0, i).join('').length;
        const pinyin = [full.slice(from, from + 3), full.slice(from, from + 5), full.slice(from)].filter((q) => q.length >= 3);
        return [...pinyin, ...[initials.slice(i, i + 2), initials.slice(i, i + 4)].filter((q) => q.length >= 2)];
      });
      for (const q of queries) expect(offered(q), q).toContain(id(name));
    }
  });

  test('entries keep 人民政府 as one character, the pinyin by syllable, and the province when it is known', () => {
    const entries = [...national.files.values()].flat();
    const first = entries.find((e) => e[0] === 'a1')!;
    expect(first.slice(0, 2)).toEqual(['a1', '红旗乡*']);
    expect(unpackName(first[1])).toBe('红旗乡人民政府');
    expect(entries.find((e) => e[0] === 'a0')).toEqual(expect.not.arrayContaining(['某省']));
    const pinyin = [...national.files].filter(([part]) => part.startsWith('p')).flatMap(([, e]) => e);
    expect(pinyin.find((e) => e[0] === 'a0')).toEqual(['a0', '万源市固军镇*', 'wan yuan shi gu jun zhen ren min zheng fu']);
    expect(pinyin.find((e) => e[0] === 'a1')).toEqual(['a1', '红旗乡*', 'hong qi xiang ren min zheng fu', '某省']);
  });
});

describe('what a query downloads', () => {
  test('its keys: characters apart only for one character; pinyin by its first three and five letters, initials by any three', () => {
    expect(queryKeys(' 固军镇 ')).toEqual({ kind: 'b', groups: [['固军', '军镇']] });
    expect(queryKeys('县')).toEqual({ kind: 'c', groups: [['县']] });
    // As pinyin from a syllable's start; as initials.
    expect(queryKeys('GuJun')).toEqual({
      kind: 'p',
      groups: [
        ['guj', 'gujun'],
        ['guj', 'uju', 'jun'],
      ],
    });
    expect(queryKeys('gjz')).toEqual({ kind: 'p', groups: [['gjz'], ['gjz']] });
    expect(queryKeys('gj')).toEqual({ kind: 'p', groups: [['gj']] });
    expect(queryKeys('g')).toBeNull();
    expect(queryKeys('  ')).toBeNull();
  });

  test('the smallest file of each group of its keys; none when that is empty; nothing past MAX_LOOKUP agencies', () => {
    // Two keys in the two files of a kind.
    const candidates = ['固军', '军镇', '洪泽', '鼓楼', '红旗', '渠县'];
    const [k0, k1] = [0, 1].map((n) => candidates.find((k) => fileOf(k, 2) === n)!);
    expect(k0 && k1).toBeTruthy();
    expect(lookup([[k0!, k1!]], [40, 3])).toEqual({ files: [1] });
    expect(lookup([[k0!, k1!]], [2, 3])).toEqual({ files: [0] });
    expect(lookup([[k0!, k1!]], [0, 3])).toEqual({ files: [] });
    // Two readings: the smallest file of each.
    expect(lookup([[k0!], [k1!]], [2, 3])).toEqual({ files: [0, 1] });
    expect(lookup([['县']], [MAX_LOOKUP + 1])).toEqual({ tooMany: MAX_LOOKUP + 1 });
    expect(lookup([['县']], [MAX_LOOKUP])).toEqual({ files: [0] });
    expect(lookup([[k0!], [k1!]], [2, MAX_LOOKUP + 1])).toEqual({ tooMany: MAX_LOOKUP + 1 });
  });

  test('files grow in number with the names, not in size: a national portal’s file holds a few hundred agencies', () => {
    expect(fileCount(10)).toBe(1);
    expect(fileCount(257)).toBe(2);
    // 200,000 agencies of about ten keys each.
    expect(2_000_000 / fileCount(2_000_000)).toBeLessThan(1000);
  });
});
