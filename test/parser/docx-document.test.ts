// Word files read from their XML: what a reader sees in Word (paragraphs, tables, merged cells)
// and nothing it does not (deleted revisions, field codes). Each file is typed here as Word writes it.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readDocx } from '../../scripts/parser/read/docx-document.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const docx = (body: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${content}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

describe('readDocx', () => {
  test('paragraphs are lines; runs, tabs and line breaks read as Word shows them', () => {
    const doc = readDocx(docx(p(r('一、'), r('总体情况')) + p(r('本年度收到申请'), '<w:r><w:tab/></w:r>', r('7件。'), '<w:r><w:br/></w:r>', r('第二行'))));
    expect(doc.blocks).toEqual([{ kind: 'text', text: '一、总体情况\n本年度收到申请 7件。\n第二行' }]);
  });

  test('deleted revisions, field codes and the modern alternate content are left out', () => {
    const doc = readDocx(
      docx(
        p(r('收到申请'), '<w:del w:id="1"><w:r><w:delText>9</w:delText></w:r></w:del>', '<w:ins w:id="2">' + r('7') + '</w:ins>', r('件')) +
          p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            r('3'),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          ) +
          p('<mc:AlternateContent><mc:Choice Requires="wps">' + r('新版') + '</mc:Choice><mc:Fallback>' + r('旧版') + '</mc:Fallback></mc:AlternateContent>'),
      ),
    );
    expect(doc.blocks).toEqual([{ kind: 'text', text: '收到申请7件\n3\n旧版' }]);
  });

  test('a merged label appears once: gridSpan across, vMerge down only in its first row', () => {
    const doc = readDocx(
      docx(
        tbl(
          tr(tc(p(r('三、本年度办理结果')), '<w:vMerge w:val="restart"/>'), tc(p(r('（一）予以公开'))), tc(p(r('3')))),
          tr(tc(p(), '<w:vMerge/>'), tc(p(r('（二）部分公开'))), tc(p(r('1')))),
          tr(tc(p(r('四、结转下年度继续办理')), '<w:gridSpan w:val="2"/>'), tc(p(r('0')))),
        ),
      ),
    );
    expect(doc.blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['三、本年度办理结果', '（一）予以公开', '3'],
          ['（二）部分公开', '1'],
          ['四、结转下年度继续办理', '0'],
        ],
      },
    ]);
  });

  test("a cell's paragraphs run together, as a header broken over lines reads as one label", () => {
    const doc = readDocx(docx(tbl(tr(tc(p(r('本年新')) + p(r('制作数量'))), tc(p(r(' 12 ')))))));
    expect(doc.blocks).toEqual([{ kind: 'table', rows: [['本年新制作数量', '12']] }]);
  });

  test('a table laid around another is layout: its text reads around the inner table', () => {
    const inner = tbl(tr(tc(p(r('（一）予以公开'))), tc(p(r('3')))));
    const doc = readDocx(docx(p(r('标题')) + tbl(tr(tc(p(r('栏目导航'))), tc(p(r('正文开始')) + inner + p(r('正文结束')))))));
    expect(doc.blocks).toEqual([
      { kind: 'text', text: '标题\n栏目导航\n正文开始' },
      { kind: 'table', rows: [['（一）予以公开', '3']] },
      { kind: 'text', text: '正文结束' },
    ]);
  });

  test('tables nested 10,000 deep are read without recursion, the innermost text kept', () => {
    const depth = 10_000;
    const doc = readDocx(
      docx(
        tbl(tr(tc(p(r('外层'))))).replace('</w:tc>', `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${p(r('最内层'))}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}</w:tc>`),
      ),
    );
    expect(JSON.stringify(doc.blocks)).toContain('最内层');
    expect(JSON.stringify(doc.blocks)).toContain('外层');
  });

  test('a deleted table row is left out', () => {
    const doc = readDocx(docx(tbl(tr(tc(p(r('a')))), '<w:tr><w:trPr><w:del w:id="3"/></w:trPr>' + tc(p(r('b'))) + '</w:tr>')));
    expect(doc.blocks).toEqual([{ kind: 'table', rows: [['a']] }]);
  });

  test('a file that is not a Word file is refused with what to do', () => {
    expect(() => readDocx(strToU8('这是一个改了扩展名的文本文件'))).toThrow(/not a readable \.docx.*old \.doc renamed/);
    expect(() => readDocx(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no word\/document\.xml/);
    expect(() => readDocx(docx(p(r('a'))).subarray(0, 200))).toThrow(/not a readable \.docx/);
    expect(() => readDocx(docx('<w:p><w:r><w:t>未闭合</w:r></w:p>'))).toThrow(/not well-formed XML/);
  });
});
