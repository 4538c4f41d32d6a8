// The benchmark corpus's PDF form as a test of the PDF reader: reports printed from their web pages by
// Chromium (ruled tables, menus, running header and footer, tables across pages), many with blank or
// placeholder cells and a figure off by one, read back cell by cell. Needs Chromium to print them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { differences } from '../../scripts/synthetic/roundtrip-diff.ts';
import { writeCorpus } from '../../scripts/synthetic/generate.ts';
import { readManifest, type Manifest } from '../../scripts/synthetic/manifest.ts';
import { hasChromium } from '../../scripts/chromium.ts';
import { parseFile } from '../../scripts/parser/index.ts';

let dir: string;
let manifest: Manifest;

beforeAll(async () => {
  if (!hasChromium()) return;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-roundtrip-pdf-'));
  await writeCorpus({ reports: 24, seed: 5, out: dir, pdf: 1, shares: { broken: 0.3, blank: 0.5, reclassified: 0 } });
  manifest = readManifest(dir);
}, 180_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

test.skipIf(!hasChromium())(
  'PDFs printed from report pages give back every cell, the metadata and the broken checks',
  async () => {
    expect(manifest.files.every((f) => f.form === 'pdf')).toBe(true);
    expect(manifest.files.some((f) => f.blanks)).toBe(true);
    const problems: string[] = [];
    for (const entry of manifest.files) {
      const outcome = await parseFile(join(dir, entry.file));
      const found = 'error' in outcome ? [`not read: ${outcome.error}`] : differences(manifest, entry, outcome.report);
      problems.push(...found.map((d) => `${entry.file}: ${d}`));
    }
    expect(problems).toEqual([]);
  },
  120_000,
);
