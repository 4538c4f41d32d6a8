// Remakes the PDF fixture folders (test/parser/fixtures/pdf-*/input.pdf) from the typed reports in
// test/parser/pdf-sources/, each printed the way one producer prints: LibreOffice (ruled tables), Chromium
// (unruled tables, running header and footer), a layout with WPS's traits (figures larger than labels and
// centred in ruled cells, a label set vertically, "- n -" page numbers), a page turned sideways, a figure
// font without a character map, a scan, an encrypted file and a truncated one. Needs LibreOffice, qpdf and
// poppler-utils (`apt-get install libreoffice-writer qpdf poppler-utils`) and Debian's Chromium; the tests
// only read the committed PDFs. Run: `npx node test/parser/make-pdf-fixtures.ts`, then review `git diff`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../../scripts/chromium.ts';

const SOURCES = join(import.meta.dirname, 'pdf-sources');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));

const source = (name: string) => readFileSync(join(SOURCES, name), 'utf8');
const withStyle = (html: string, css: string) => html.replace('<link rel="stylesheet" href="style.css" />', `<style>${css}</style>`);
const write = (folder: string, bytes: Uint8Array) => {
  mkdirSync(join(FIXTURES, folder), { recursive: true });
  writeFileSync(join(FIXTURES, folder, 'input.pdf'), bytes);
  console.log(`${folder}/input.pdf: ${bytes.length} bytes`);
};

/** LibreOffice Writer's PDF export of an HTML page (tables with border="1" are ruled). */
function libreoffice(html: string, name: string): Uint8Array {
  const file = join(tmp, `${name}.html`);
  writeFileSync(file, html);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp, file], { stdio: 'ignore' });
  return readFileSync(join(tmp, `${name}.pdf`));
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
/** Chromium's print to PDF, with the running header and footer a browser prints (or `footer` alone). */
async function print(html: string, options: { header?: boolean; footer?: string } = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({
    format: 'A4',
    margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
    displayHeaderFooter: !!(options.header || options.footer),
    headerTemplate: options.header
      ? '<div style="font-size:8px;width:100%;padding:0 10mm">2026/12/06 09:30 <span class="title"></span></div>'
      : '<span></span>',
    footerTemplate:
      options.footer ??
      '<div style="font-size:8px;width:100%;padding:0 10mm;display:flex;justify-content:space-between"><span>https://www.liutang.gov.cn/zwgk/ndbg/2020.html</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>',
  });
  await page.close();
  return new Uint8Array(pdf);
}

const qpdf = (...args: string[]) => execFileSync('qpdf', args, { stdio: 'ignore' });
const save = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(tmp, name), bytes);
  return join(tmp, name);
};

const BASE =
  'body{font-family:"Noto Serif CJK SC",serif;font-size:12pt;line-height:1.6} h1{font-size:18pt;text-align:center} h2{font-size:13pt} p{text-indent:2em;margin:4pt 0} .sign{text-align:right}';
const report2021 = source('report-2021.html');
const report2019 = source('report-2019.html');

// LibreOffice, ruled tables; table 三 crosses a page; narrow header cells split over lines.
const ruled = (html: string) => html.replace(/<table class="(t\d)">/g, '<table class="$1" border="1" cellspacing="0" cellpadding="3" width="100%">');
const lo2021 = libreoffice(withStyle(ruled(report2021), BASE), 'lo2021');
write('pdf-libreoffice-ruled-2021', lo2021);

// Chromium, tables without rules, a running header and footer on every page; table 三 crosses a page.
const UNRULED = `${BASE} table{border-collapse:collapse;width:100%;font-size:10pt} td{padding:2pt 4pt;vertical-align:middle;text-align:center} td:first-child{text-align:left}`;
write('pdf-chromium-unruled-2019', await print(withStyle(report2019, UNRULED), { header: true }));

// WPS's traits: ruled cells, labels at 9 pt top-left and wrapped, figures at 14 pt centred, the group label
// of table 三 set vertically, "- n -" page numbers at the foot.
const WPS = `${BASE} table{border-collapse:collapse;width:100%} td{border:0.6pt solid #000;font-size:9pt;vertical-align:middle;padding:1pt 2pt}
  td:not(:first-child){text-align:center} .t3 td,.t4 td{font-size:9pt} .fig{font-size:14pt} .vertical{writing-mode:vertical-rl;letter-spacing:2pt}`;
const wps = report2021
  .replace(/<td>(\d+)<\/td>/g, '<td class="fig">$1</td>')
  .replace(/<td colspan="3">(\d+)<\/td>/g, '<td colspan="3" class="fig">$1</td>')
  .replace('<td rowspan="22">三、本年度办理结果</td>', '<td rowspan="22" class="vertical">三、本年度办理结果</td>');
write(
  'pdf-wps-like-2021',
  await print(withStyle(wps, WPS), {
    footer: '<div style="font-size:10px;width:100%;text-align:right;padding-right:25mm">- <span class="pageNumber"></span> -</div>',
  }),
);

// A landscape-turned file: every page after the first stored sideways (/Rotate 90), as scanners and some printers keep them.
const lo2019 = libreoffice(withStyle(ruled(report2019), BASE), 'lo2019');
qpdf(save('lo2019.pdf', lo2019), '--rotate=+90:2-z', join(tmp, 'rotated.pdf'));
write('pdf-rotated-pages-2019', readFileSync(join(tmp, 'rotated.pdf')));
// The same pages drawn turned on landscape pages (the turn in the content, no /Rotate), as some printers write them.
qpdf('--flatten-rotation', join(tmp, 'rotated.pdf'), join(tmp, 'turned.pdf'));
write('pdf-turned-content-2019', readFileSync(join(tmp, 'turned.pdf')));

// The figures in a Latin TrueType font (DejaVu Sans, embedded as a CID font) whose ToUnicode map is removed,
// as in PDFs whose digits come out as glyph numbers: the labels read, the figures never.
const figureFont = report2021
  .replace(/<td>(\d+)<\/td>/g, '<td class="fig">$1</td>')
  .replace(/<td colspan="3">(\d+)<\/td>/g, '<td colspan="3" class="fig">$1</td>');
const chromiumRuled = await print(
  withStyle(
    figureFont,
    `${BASE} table{border-collapse:collapse;width:100%;font-size:10pt} td{border:1px solid #000;padding:2pt} .fig{font-family:"DejaVu Sans"}`,
  ),
);
qpdf('--qdf', '--object-streams=disable', save('fig.pdf', chromiumRuled), join(tmp, 'fig-qdf.pdf'));
const qdf = readFileSync(join(tmp, 'fig-qdf.pdf'), 'latin1').replace(
  /(\d+ 0 obj\n<<(?:(?!endobj)[\s\S])*?DejaVu(?:(?!endobj)[\s\S])*?)\/ToUnicode \d+ 0 R/g,
  '$1',
);
writeFileSync(join(tmp, 'fig-stripped.pdf'), qdf, 'latin1');
writeFileSync(join(tmp, 'fig-fixed.pdf'), execFileSync('fix-qdf', [join(tmp, 'fig-stripped.pdf')]));
qpdf(join(tmp, 'fig-fixed.pdf'), '--object-streams=generate', join(tmp, 'fig-out.pdf'));
write('pdf-figures-without-tounicode-2021', readFileSync(join(tmp, 'fig-out.pdf')));

// A scan: the pages as pictures, no text layer.
execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', save('scan-src.pdf', lo2021), join(tmp, 'scan')]);
const images = ['scan-1.png', 'scan-2.png'].map(
  (f) => `<img src="data:image/png;base64,${readFileSync(join(tmp, f)).toString('base64')}" style="width:100%;page-break-after:always">`,
);
write('pdf-refused-scan', await print(`<html><body style="margin:0">${images.join('')}</body></html>`));

// Encrypted with a password to open it; and one with only an owner password (restrictions), which opens without one.
qpdf('--encrypt', 'open-sesame', 'owner-secret', '256', '--', save('enc-src.pdf', lo2019), join(tmp, 'encrypted.pdf'));
write('pdf-refused-encrypted', readFileSync(join(tmp, 'encrypted.pdf')));
qpdf('--encrypt', '', 'owner-secret', '256', '--print=none', '--modify=none', '--extract=n', '--', join(tmp, 'enc-src.pdf'), join(tmp, 'restricted.pdf'));
write('pdf-owner-password-only-2019', readFileSync(join(tmp, 'restricted.pdf')));

// Damaged: the download stopped at 60 %.
write('pdf-refused-truncated', lo2021.subarray(0, Math.floor(lo2021.length * 0.6)));

await browser.close();
rmSync(tmp, { recursive: true, force: true });
