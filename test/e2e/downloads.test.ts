// The bulk CSV opens in a spreadsheet as Chinese text (BOM) and carries the same numbers as each report's JSON.
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { browserAvailable, readReport, siteUrl, startsWithBom, summaries } from './site.ts';

const valueAt = (obj: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], obj);

describe.skipIf(!browserAvailable)('downloads', () => {
  test('reports.csv starts with a BOM and every cell column matches the report JSON', async () => {
    const bytes = new Uint8Array(await (await fetch(`${siteUrl()}data/reports.csv`)).arrayBuffer());
    expect(startsWithBom(bytes)).toBe(true);
    const text = new TextDecoder().decode(bytes); // drops the BOM
    const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const cellColumns = meta.fields!.filter((f) => /^(proactive|applications|review|litigationDirect|litigationAfterReview)\./.test(f));
    expect(cellColumns.length).toBeGreaterThan(0);
    expect(data.map((row) => row.id).sort()).toEqual(
      summaries()
        .map((s) => s.id)
        .sort(),
    );
    let compared = 0;
    for (const row of data) {
      const report = readReport(row.id!);
      for (const column of cellColumns) {
        const v = valueAt(report, column);
        if (v === undefined) continue; // a key of the other template
        expect(row[column], `${row.id} ${column}`).toBe(v === null ? '' : String(v));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(data.length * 10);
  });

  test('each report’s own CSV starts with a BOM', async () => {
    for (const s of summaries()) {
      const response = await fetch(`${siteUrl()}data/reports/${s.id}.csv`);
      expect(response.status).toBe(200);
      expect(startsWithBom(new Uint8Array(await response.arrayBuffer()))).toBe(true);
    }
  });
});

describe.skipIf(!browserAvailable)('the data page’s schema.org Dataset', () => {
  test('names the data, its licence and years, and lists every download, each of which the site serves', async () => {
    const html = await (await fetch(`${siteUrl()}data/`)).text();
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const dataset = JSON.parse(json!) as { '@type': string; license: string; temporalCoverage: string; distribution: { contentUrl: string }[] };
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.license).toMatch(/^https:\/\//);
    const years = [...new Set(summaries().map((s) => s.year))].sort();
    expect(dataset.temporalCoverage).toBe(years.length === 1 ? String(years[0]) : `${years[0]}/${years.at(-1)}`);
    const urls = dataset.distribution.map((d) => d.contentUrl);
    expect(urls).toEqual(expect.arrayContaining(['/data/reports.csv', '/data/reports-zh.csv', '/data/checks.csv', '/data/parquet/reports.parquet']));
    for (const url of urls) expect((await fetch(new URL(url, siteUrl()))).status, url).toBe(200);
  });
});
