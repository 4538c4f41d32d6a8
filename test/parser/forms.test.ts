import { describe, expect, test } from 'vitest';
import { Document as DocxDocument, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parseBytes } from '../../scripts/parser/index.ts';
import type { Report } from '../../model/report.ts';
import { APPLICANTS } from '../../model/templates.ts';
import {
  cellPerLineText,
  crawledText,
  pdfText,
  FIXTURE_2019,
  FIXTURE_2021,
  htmlPage,
  markdown,
  REVIEW_KEYS,
  tabText,
  tableRows,
  type Fixture,
} from './fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function parsed(file: string, bytes: Uint8Array): Promise<Report> {
  const outcome = await parseBytes(file, bytes);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.report;
}

/** Every table cell the fixture printed, under its contract key. */
function expectCells(r: Report, f: Fixture) {
  for (const [row, values] of Object.entries(f.applications))
    APPLICANTS.forEach((c, i) => expect(r.applications[row]?.[c.key as 'total'], `applications.${row}.${c.key}`).toBe(values[i]));
  REVIEW_KEYS.forEach((block, b) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((col, i) =>
      expect(r[block as 'review'][col as 'total'], `${block}.${col}`).toBe(f.review[b * 5 + i]),
    ),
  );
}

async function docx(f: Fixture): Promise<Uint8Array> {
  const t = tableRows(f);
  const table = (rows: string[][]) =>
    new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) });
  const text = tabText(f)
    .split('\n')
    .filter((l) => !l.includes('\t'));
  const children = [];
  for (const line of text) {
    children.push(new Paragraph(line));
    if (line.startsWith('二、')) children.push(table(t.proactive));
    if (line.startsWith('三、')) children.push(table(t.applications));
    if (line.startsWith('四、')) children.push(table(t.review));
  }
  return new Uint8Array(await Packer.toBuffer(new DocxDocument({ sections: [{ children }] })));
}

describe('parseBytes reads every form', () => {
  const forms: [string, (f: Fixture) => string][] = [
    ['a.txt', tabText],
    ['b.txt', cellPerLineText],
    ['c.html', htmlPage],
    ['d.md', markdown],
  ];
  for (const [file, render] of forms) {
    test(`${file}: ${render.name} gives every cell of the 2021 template`, async () => {
      const r = await parsed(file, utf8(render(FIXTURE_2021)));
      expect(r.template).toBe('2021');
      expectCells(r, FIXTURE_2021);
      expect(r.proactive.normativeDocuments).toEqual({ issued: 12, repealed: 3, inForce: 140 });
      expect(r.proactive.fees).toEqual({ amount: 1.25 });
      expect(r.checks.filter((c) => c.ok === false)).toEqual([]);
    });
    test(`${file}: ${render.name} gives every cell of the 2019 template`, async () => {
      const r = await parsed(file, utf8(render(FIXTURE_2019)));
      expect(r.template).toBe('2019');
      expectCells(r, FIXTURE_2019);
      expect(r.applications.otherHandling?.total).toBe(0);
      expect(r.proactive.licensing).toEqual({ previous: 45, change: -3, decisions: 120 });
      expect(r.proactive.procurement).toEqual({ projects: 2, amount: 2700 });
      expect(r.raw['proactive.procurement.amount']).toBe('0.27亿元');
    });
  }

  test('.docx read from its XML reads like the HTML page', async () => {
    const r = await parsed('f.docx', await docx(FIXTURE_2021));
    expect(r.format).toBe('docx');
    expectCells(r, FIXTURE_2021);
    expect(r.agency).toBe('青禾县人民政府办公室');
  });

  test('pdftotext -layout columns, with blank cells read by where the figures stand', async () => {
    const blanks = { ...FIXTURE_2021.applications, granted: [3, '', '', '', '', '', 3], unavailableNotHeld: [2, '', '', '', '', '', 2] };
    const f = { ...FIXTURE_2021, applications: blanks };
    const r = await parsed('p.txt', utf8(pdfText(f)));
    expectCells(r, {
      ...f,
      applications: { ...blanks, granted: [3, null, null, null, null, null, 3], unavailableNotHeld: [2, null, null, null, null, null, 2] },
    } as unknown as Fixture);
    expect(r.inferred).toBe(false);
  });

  test('a crawled page with every cell run together: table 三 and 四 recovered from the arithmetic', async () => {
    for (const f of [FIXTURE_2021, FIXTURE_2019]) {
      const r = await parsed('e.txt', utf8(crawledText(f)));
      expectCells(r, f);
      expect(r.inferred).toBe(true);
      expect(r.warnings.map((w) => w.code)).toContain('table/inferred-boundaries');
    }
  });

  test('a run of figures that splits several ways stays null with a warning, never a guess', async () => {
    const r = await parsed('e.txt', utf8(crawledText(FIXTURE_2021)));
    // "123140" is 12|3|140 but also 1|23|140, 12|31|40 …: nothing in the table decides.
    expect(r.proactive.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    const warning = r.warnings.find((w) => w.code === 'table/ambiguous-cells' && w.cells?.includes('proactive.normativeDocuments.issued'));
    expect(warning?.message).toContain('123140');
    // Single-figure rows have one reading.
    expect(r.proactive.licensing).toEqual({ decisions: 356 });
  });

  test('space-separated cells with a blank: the figures are taken as printed, the blank filled only by the arithmetic', async () => {
    const applications = {
      ...FIXTURE_2021.applications,
      received: [15, 1, 0, 0, 0, 0, 16],
      granted: [13, '', 0, 0, 0, 0, 13],
      resultsTotal: [16, 1, 0, 0, 0, 0, 17],
    };
    const r = await parsed('s.txt', utf8(crawledText({ ...FIXTURE_2021, applications }, ' ')));
    expect(r.applications.granted).toEqual({ naturalPerson: 13, business: 0, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 13 });
    expect(r.applications.received.total).toBe(16);
    expect(r.warnings.find((w) => w.code === 'table/missing-cells')?.cells).toContain('applications.granted.business');
  });

  test('figures restated in the prose choose the split', async () => {
    const f = { ...FIXTURE_2021, overview: `${FIXTURE_2021.overview}现行有效行政规范性文件140件，本年度制发规范性文件12件。` };
    const r = await parsed('e.txt', utf8(crawledText(f)));
    expect(r.proactive.normativeDocuments).toEqual({ issued: 12, repealed: 3, inForce: 140 });
  });

  test('an HTML page keeps no markup and no menu text in its sections', async () => {
    const r = await parsed('c.html', utf8(htmlPage(FIXTURE_2021)));
    expect(r.sections.overview).toContain('收到政府信息公开申请7件');
    expect(JSON.stringify(r.sections)).not.toMatch(/<|MsoNormal|仿宋/);
  });
});

describe('encodings', () => {
  const text = tabText(FIXTURE_2021);
  const gb18030 = (s: string) => {
    // Encode through the GB18030 decoder's inverse: iconv-lite is what editors' GBK files look like.
    return import('iconv-lite').then((m) => new Uint8Array(m.default.encode(s, 'gb18030')));
  };
  test('UTF-8 with BOM, GB18030, UTF-16LE with BOM and CRLF all read the same', async () => {
    const reference = await parsed('a.txt', utf8(text));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].flatMap((ch) => [...ch].map((c) => c.charCodeAt(0)))).buffer)]);
    const variants = [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), await gb18030(text), utf16, utf8(text.replace(/\n/g, '\r\n'))];
    for (const bytes of variants) {
      const r = await parsed('a.txt', bytes);
      expect(r.applications).toEqual(reference.applications);
      expect(r.agency).toBe(reference.agency);
    }
  });
});

describe('HTML pages as published', () => {
  test("a page laid out with a table around the report still yields the report's own tables", async () => {
    const page = htmlPage(FIXTURE_2021)
      .replace('<div class="content">', '<table class="layout"><tr><td width="20%">栏目导航</td><td><div class="content">')
      .replace('<div class="footer">', '</td></tr></table><div class="footer">');
    const r = await parsed('layout.html', utf8(page));
    expectCells(r, FIXTURE_2021);
    expect(r.inferred).toBe(false);
  });

  test('scripts, event handlers and javascript: links in the page never reach the report', async () => {
    const page = htmlPage(FIXTURE_2021).replace(
      '<p>一、总体情况</p>',
      '<p>一、总体情况</p><script>window.__pwned=1</script><p><img src=x onerror="window.__pwned=2">见<a href="javascript:alert(1)">附件</a></p>',
    );
    const r = await parsed('x.html', utf8(page));
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/__pwned|onerror|javascript:|<script|<img/);
    expect(r.sections.overview).toContain('见附件');
  });
});
