// agencies.csv as maintainers mistype it: each problem costs its own row or value, is named by its line,
// and the rest of the file applies.
import { describe, expect, test } from 'vitest';
import { readAgencies, unusedAliases } from '../../scripts/stage/agencies-csv.ts';

const HEADER = 'agency,region,level,parent,source_url,aliases';
const read = (...rows: string[]) => readAgencies([HEADER, ...rows, ''].join('\n'));
const lines = (r: ReturnType<typeof readAgencies>) => r.problems.map((p) => `${p.line}: ${p.message}`);

describe('readAgencies', () => {
  test('an open quote skips its row only: the rows after it apply', () => {
    const r = read('"白水镇人民政府,四川省达州市,township,,,', '石门乡人民政府,四川省达州市,township,,,', '长岭镇人民政府,四川省达州市开江县,township,,,');
    expect(lines(r)).toEqual(['2: a quote opened here is never closed; row skipped (quote the whole field: "…")']);
    expect(r.byName.get('石门乡政府')).toEqual({ region: '四川省达州市', level: 'township' });
    expect(r.byName.get('长岭镇政府')).toEqual({ region: '四川省达州市开江县', level: 'township' });
  });

  test('a quote never closed, on the last row, is said too', () => {
    const r = read('石门乡人民政府,四川省达州市,township,,,', '子局,北京市,"province');
    expect(lines(r)).toEqual(['3: a quote opened here is never closed; row skipped (quote the whole field: "…")']);
    expect([...r.byName.keys()]).toEqual(['石门乡政府']);
    // Closed by a quote further down, it would have taken the lines between: only its own is skipped.
    const later = read('"白水镇人民政府,四川省达州市,township,,,', '石门乡人民政府,"四川省达州市",township,,,');
    expect(lines(later)).toEqual(['2: a quote opened here is not closed at the end of its field; row skipped (quote the whole field: "…")']);
    expect(later.byName.get('石门乡政府')).toEqual({ region: '四川省达州市', level: 'township' });
  });

  test('line numbers count the lines of the file, blank lines and quoted line breaks included', () => {
    const r = read('石门乡人民政府,"四川省', '达州市",township,,,', '', '戊局,x,y,z,,,,extra');
    expect(lines(r)).toEqual(['5: 8 fields where the header has 6 (a comma inside a name? quote the field); row skipped']);
    // The line break inside the quoted region is gone: a region is text on one line.
    expect(r.byName.get('石门乡政府')!.region).toBe('四川省达州市');
  });

  test('control, text-direction and zero-width characters and spaces leave names and regions; long values are refused', () => {
    const r = read(`青山\u0001乡\u202e人民政府 ,四川省 达州市\u200b,,,,`, `桃源乡人民政府,${'长'.repeat(65)},,,,`, `${'名'.repeat(101)},四川省,,,,`);
    expect(r.byName.get('青山乡政府')).toEqual({ region: '四川省达州市' });
    expect(r.byName.get('桃源乡政府')).toEqual({});
    expect(lines(r)).toEqual(['3: region of 65 characters (at most 64); ignored', '4: agency name of 101 characters (at most 100); row skipped']);
  });

  test('a source URL that could mislead is ignored with its reason; a good one is stored as the URL parser writes it', () => {
    const r = read(
      '甲局,,,,http://www.gov.cn:443@evil.example/,',
      '乙局,,,,https://www.gov.cn\u202e.evil.example/,',
      `丙局,,,,https://example.org/${'a'.repeat(2100)},`,
      '丁局,,,,javascript:alert(1),',
      '戊局,,,,HTTPS://WWW.Example.ORG/报告,',
    );
    expect(r.problems.map((p) => [p.line, p.message.replace(/^source_url ".*" is refused: /, '')])).toEqual([
      [2, 'user information before its host (it leads to evil.example, not to what precedes @); ignored'],
      [3, 'control or text-direction characters in its host; ignored'],
      [4, 'longer than 2048 characters (2120); ignored'],
      [5, 'not an http(s) address; ignored'],
    ]);
    // The message shows the hidden character as an escape, so the log line is not turned round.
    expect(r.problems[1]!.message).toContain('\\u202e');
    expect(r.byName.get('戊局')).toEqual({ sourceUrl: 'https://www.example.org/%E6%8A%A5%E5%91%8A' });
  });

  test('an alias loop and an alias two rows claim are dropped and said; an alias naming no report is said by the data stage', () => {
    const r = read(
      '双河乡人民政府,,,,,龙泉镇人民政府',
      '龙泉镇人民政府,,,,,双河乡人民政府',
      '新华乡人民政府,,,,,新华乡政府办公室；东区',
      '金沙镇人民政府,,,,,东区',
    );
    expect(lines(r)).toEqual([
      '2: alias 「龙泉镇人民政府」 has a row of its own (line 3), which lists 「双河乡人民政府」 as its alias: a loop; alias ignored',
      '3: alias 「双河乡人民政府」 has a row of its own (line 2), which lists 「龙泉镇人民政府」 as its alias: a loop; alias ignored',
      '5: alias 「东区」 is already an alias of 「新华乡人民政府」 (line 4); alias ignored',
    ]);
    expect(r.byName.get('龙泉镇政府')!.name).toBeUndefined();
    expect(r.byName.get('东区')!.name).toBe('新华乡人民政府');
    expect(unusedAliases(r, ['新华乡人民政府', '东区']).map((p) => `${p.line}: ${p.message}`)).toEqual([
      '4: alias 「新华乡政府办公室」 of 「新华乡人民政府」 is the name of no report: it merges nothing (a typo?)',
    ]);
  });

  test('a second row for the same agency is skipped, never merged by the order of the lines', () => {
    const r = read('甲局,四川省,,,,', '甲局,广东省,,,,');
    expect(r.byName.get('甲局')).toEqual({ region: '四川省' });
    expect(lines(r)).toEqual(['3: 「甲局」 already has a row (line 2); row skipped']);
  });
});
