// The 原文 page's readings and highlighted text (src/render/source-view.ts), from a table 三 typed as a PDF's
// text prints it: markup in the text stays text, each row read is marked where it stands and listed with
// the figures read from it, a run of digits cut by the parser says so, and a text of a quarter of a million
// characters on one line is cut to its ends with the count of what was left out.
import { describe, expect, test } from 'vitest';
import { sourceView } from '../../src/render/source-view.ts';
import type { Report } from '../../model/report.ts';

const RECEIVED = '一、本年新收政府信息公开申请数量\t12\t0\t1\t0\t0\t0\t13';
const CARRIED = '二、上年结转政府信息公开申请数量';
const GRANTED = '（一）予以公开\t120100013';

/** A 2021-format report with the three rows above printed in `text`, each found where it stands. */
function report(text: string, extra: Partial<Report> = {}): Report {
  const at = (row: string) => ({ text: row, start: text.indexOf(row), end: text.indexOf(row) + row.length });
  return {
    sourceText: text,
    tableTemplates: { proactive: '2021', applications: '2021' },
    inferred: false,
    unknown: { 'applications.carriedOver.total': 'ambiguous' },
    printed: text.includes(GRANTED)
      ? { 'applications.received': at(RECEIVED), 'applications.carriedOver': at(CARRIED), 'applications.granted': at(GRANTED) }
      : { 'applications.received': at(RECEIVED) },
    applications: {
      received: { naturalPerson: 12, business: 0, research: 1, nonprofit: 0, legalService: 0, otherOrg: 0, total: 13 },
      carriedOver: { naturalPerson: null, business: null, research: null, nonprofit: null, legalService: null, otherOrg: null, total: null },
      granted: { naturalPerson: 12, business: 0, research: 1, nonprofit: 0, legalService: 0, otherOrg: 0, total: 13 },
    },
    ...extra,
  } as unknown as Report;
}

describe('the 原文 page of a report', () => {
  const text = `二、收到和处理政府信息公开申请情况\n${RECEIVED}\n注：<b>“空”</b> & 未填\n${CARRIED}\n${GRANTED}\n`;

  test('marks each row read where it stands, and shows the rest of the text as text', () => {
    expect(sourceView(report(text)).textHtml).toBe(
      '二、收到和处理政府信息公开申请情况\n' +
        '<mark id="row-applications-received" title="表三 一、本年新收政府信息公开申请数量">一、本年新收政府信息公开申请数量\t12\t0\t1\t0\t0\t0\t13</mark>\n' +
        '注：&lt;b&gt;“空”&lt;/b&gt; &amp; 未填\n' +
        '<mark id="row-applications-carriedOver" title="表三 二、上年结转政府信息公开申请数量">二、上年结转政府信息公开申请数量</mark>\n' +
        '<mark id="row-applications-granted" title="表三 三、本年度办理结果 （一）予以公开">（一）予以公开\t120100013</mark>\n',
    );
  });

  test('lists each row with what was read from it: figures, blanks, a cell it cannot tell, a run of digits cut', () => {
    expect(sourceView(report(text)).readingsHtml).toBe(
      '<li><a href="#row-applications-received">表三 一、本年新收政府信息公开申请数量</a>：原文“<code>一、本年新收政府信息公开申请数量\t12\t0\t1\t0\t0\t0\t13</code>” → 读作 <span class="cut">12 | 0 | 1 | 0 | 0 | 0 | 13</span></li>' +
        '<li><a href="#row-applications-carriedOver">表三 二、上年结转政府信息公开申请数量</a>：原文“<code>二、上年结转政府信息公开申请数量</code>” → 读作 <span class="cut">空白 | 空白 | 空白 | 空白 | 空白 | 空白 | ？无法确定</span></li>' +
        '<li><a href="#row-applications-granted">表三 三、本年度办理结果 （一）予以公开</a>：原文“<code>（一）予以公开\t120100013</code>” → 推断拆分为 <span class="cut">12 | 0 | 1 | 0 | 0 | 0 | 13</span></li>',
    );
  });

  test('in a PDF, says on which page each row and each table stands', () => {
    const view = sourceView(report(text, { pageStarts: [0, text.indexOf(GRANTED)] }));
    expect(view.readingsHtml.match(/（PDF 第 \d 页）/g)).toEqual(['（PDF 第 1 页）', '（PDF 第 1 页）', '（PDF 第 2 页）']);
    expect(view.tablePages).toEqual(['表三在第 1–2 页']);
    expect(sourceView(report(text)).tablePages).toEqual([]);
  });

  test('keeps the first and last 20,000 characters of a line of 250,001 and says how many were left out', () => {
    const long = `${'长'.repeat(250_000)}\n`;
    const html = sourceView(report(`${long}${RECEIVED}\n`)).textHtml;
    expect(html.startsWith(`${'长'.repeat(20_000)}<span class="omitted">〔此处略去 210,001 字，见原始文件〕</span>${'长'.repeat(19_999)}\n<mark`)).toBe(true);
    expect(html.length).toBeLessThan(41_000 + RECEIVED.length + 200);
  });
});
