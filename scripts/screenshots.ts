// npm run screenshots: the README's pictures of the built site (report, agency and compare pages, and the
// report, agency, year, quality and compare pages on a 360 px phone), taken with Debian's Chromium (Chinese
// needs a CJK font on the machine, e.g. apt-get install fonts-noto-cjk).
// Arguments `path [file] [width]` shoot one whole page instead, e.g. to check a 360 px phone layout:
//   npm run screenshots -- reports/x/ /tmp/r.png 360
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './preview.ts';
import { CHROMIUM, LAUNCH_ARGS } from './chromium.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' } },
});

const server = await startServer({ dir: values.dist, base: values.base });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
try {
  const shoot = async (path: string, file: string, width = 1200, height = 900, fullPage = true) => {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    mkdirSync(dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage });
    await page.close();
    console.log(`${file} ← ${path}`);
  };
  if (positionals.length > 0) {
    const [path, file = '/tmp/nianbao.png', width = '1200'] = positionals;
    await shoot(path!, file, Number(width), 900, true);
  } else {
    // reports.json is columnar: { columns: [key…], rows: [[value…]…] }.
    const { columns, rows } = (await (await fetch(`${server.url}data/reports.json`)).json()) as { columns: string[]; rows: unknown[][] };
    const reports = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))) as {
      id: string;
      agencyId: string;
      year: number;
      warnings: number;
      unknownCells: number;
      failedChecks: number;
    }[];
    // A report with cells it could not tell or a failed check shows most of what the page does.
    const shown = reports.find((r) => r.unknownCells > 0) ?? reports.find((r) => r.failedChecks > 0 || r.warnings > 0) ?? reports[0]!;
    await shoot(`reports/${shown.id}/`, 'docs/screenshots/report.png', 1200, 1700, false);
    // The agency with the most years: one page across the names it used.
    const count = (id: string) => reports.filter((r) => r.agencyId === id).length;
    const agency = reports.map((r) => r.agencyId).sort((a, b) => count(b) - count(a))[0]!;
    await shoot(`agencies/${agency}/`, 'docs/screenshots/agency.png', 1200, 1600, false);
    // Agencies whose reports fail a check or have cells it could not tell first, then the one with most years.
    const care = (id: string) => reports.some((r) => r.agencyId === id && (r.failedChecks > 0 || r.unknownCells > 0));
    const agencies = [...new Set([...reports.map((r) => r.agencyId).filter(care), agency, ...reports.map((r) => r.agencyId)])].slice(0, 4).join(',');
    const years = [...new Set(reports.map((r) => r.year))].join(',');
    await shoot(`compare/?a=${agencies}&y=${years}`, 'docs/screenshots/compare.png', 1200, 1600, false);
    // Each kind of page on a phone: the report's table 三, the top of the others, a year's page whole.
    const phone = (path: string, name: string, height = 1400, whole = false) => shoot(path, `docs/screenshots/phone-${name}.png`, 360, height, whole);
    await phone(`reports/${shown.id}/#s-applications`, 'report', 800);
    await phone(`agencies/${shown.agencyId}/`, 'agency');
    await phone(`years/${shown.year}/`, 'year', 800, true);
    await phone('quality/', 'quality');
    await phone(`compare/?a=${agencies}&y=${years}`, 'compare', 1800);
  }
} finally {
  await browser.close();
  await server.close();
}
