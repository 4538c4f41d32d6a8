import { describe, expect, test } from 'vitest';
import { parseBytes } from '../../scripts/parser/index.ts';
import { levelOf } from '../../scripts/parser/prose/metadata.ts';
import { FIXTURE_2019, FIXTURE_2021, tabText } from './fixtures.ts';

const parse = async (text: string, file = 'r.txt') => parseBytes(file, new TextEncoder().encode(text));
const report = async (text: string) => {
  const o = await parse(text);
  if ('error' in o) throw new Error(o.error);
  return o.report;
};

describe('who and when', () => {
  test('the fullest name: "2020年度白石镇…" signed "白石市白石镇人民政府", with a date in Chinese numerals', async () => {
    const r = await report(tabText(FIXTURE_2019));
    expect(r.agency).toBe('白石市白石镇人民政府');
    expect(r.year).toBe(2020);
    expect(r.published).toBe('2021-01-19');
    expect(r.level).toBe('township');
  });

  test('title, year, signature date and a stable URL-safe id', async () => {
    const r = await report(tabText(FIXTURE_2021));
    expect(r.title).toBe('青禾县人民政府办公室2021年政府信息公开工作年度报告');
    expect(r).toMatchObject({ agency: '青禾县人民政府办公室', year: 2021, published: '2022-01-20', level: 'department' });
    expect(r.id).toMatch(/^[a-z0-9]+-2021$/);
    expect((await report(tabText(FIXTURE_2021))).id).toBe(r.id);
  });

  test('a title split over lines and spaced out ("工 作 报 告")', async () => {
    const text = tabText({ ...FIXTURE_2021, title: '青禾县2021年政府办公室信息公开\n工 作 报 告' });
    const r = await report(text);
    expect(r.year).toBe(2021);
    expect(r.agency).toBe('青禾县人民政府办公室');
  });

  test("without a printed date, the page's own 发布时间 line", async () => {
    const text = `发布时间：2022-02-08 10:00\n${tabText({ ...FIXTURE_2021, signature: [] })}`;
    expect((await report(text)).published).toBe('2022-02-08');
  });

  test('the level from the name', () => {
    expect(levelOf('万源市固军镇人民政府')).toBe('township');
    expect(levelOf('洪泽区人民政府')).toBe('county');
    expect(levelOf('武汉市人民政府')).toBe('city');
    expect(levelOf('湖北省人民政府')).toBe('province');
    expect(levelOf('武汉市生态环境局')).toBe('department');
  });

  test('Word artifacts and misnumbered headings do not leak into the sections', async () => {
    const text = tabText(FIXTURE_2021).replace('三、收到和处理', '[bookmark: _GoBack]3、 收到和处理');
    const r = await report(text);
    expect(r.applications.received.total).toBe(6);
    expect(JSON.stringify(r.sections)).not.toContain('bookmark');
    expect(r.sections.problems).toContain('公开内容还不够全面');
  });
});

describe('bad input gets a clear one-line reason', () => {
  const reasons: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /empty/],
    ['binary.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 9]), /binary/],
    ['report.pdf', '%PDF-1.7', /PDF 文件已损坏：文件不完整/],
    ['notpdf.pdf', 'just text', /不是 PDF 文件/],
    ['scan.png', 'x', /image/],
    ['old.doc', 'x', /\.docx/],
    ['broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), /not a readable \.docx/],
    ['notes.txt', '会议纪要：今天讨论了食堂菜单。', /not a 政府信息公开工作年度报告/],
    ['noyear.txt', '青禾县政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n略。', /year/],
  ];
  for (const [file, content, reason] of reasons)
    test(file, async () => {
      const o = await parseBytes(file, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      expect('error' in o && o.error).toMatch(reason);
      expect('error' in o && o.error.split('\n')).toHaveLength(1);
    });

  test('a GBK file is read without being told its encoding', async () => {
    const iconv = (await import('iconv-lite')).default;
    const o = await parseBytes('gbk.txt', new Uint8Array(iconv.encode(tabText(FIXTURE_2021), 'gbk')));
    expect('report' in o && o.report.applications.received.total).toBe(6);
  });

  test('a report with text but no tables is a report with a warning', async () => {
    const text = `${FIXTURE_2021.title}\n一、总体情况\n${FIXTURE_2021.overview}\n五、存在的主要问题及改进情况\n无。\n${FIXTURE_2021.signature.join('\n')}`;
    const r = await report(text);
    expect(r.template).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['table/none']);
  });
});
