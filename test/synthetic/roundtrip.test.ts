// The benchmark corpus as a test of the parser: generate a small corpus, parse every file, and
// compare every cell (and the metadata, and the checks broken on purpose) with what was printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFile } from '../../scripts/parser/index.ts';
import { differences } from '../../scripts/synthetic/roundtrip-diff.ts';
import { FORM_SHARES, writeCorpus, type Form } from '../../scripts/synthetic/generate.ts';
import { readManifest, type Manifest } from '../../scripts/synthetic/manifest.ts';

let dir: string;
let manifest: Manifest;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-roundtrip-'));
  await writeCorpus({ reports: 300, seed: 11, out: dir });
  manifest = readManifest(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the synthetic corpus read back by the parser', () => {
  test('covers every form, encoding, template, blank style and deliberate break', () => {
    const files = manifest.files;
    expect(new Set(files.map((f) => f.form))).toEqual(new Set(Object.keys(FORM_SHARES)));
    expect(new Set(files.map((f) => f.encoding))).toEqual(new Set([null, 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom']));
    expect(new Set(files.map((f) => f.template))).toEqual(new Set(['2019', '2021']));
    expect(new Set(files.map((f) => f.blanks))).toEqual(new Set([null, 'zeros', 'detail-totals', 'placeholders']));
    expect(files.some((f) => f.crlf)).toBe(true);
    expect(files.filter((f) => f.perturbed).length).toBeGreaterThan(10);
  });

  test.each(Object.keys(FORM_SHARES) as Form[])(
    'gives back every cell, the metadata and the broken checks of %s reports',
    async (form) => {
      const problems: string[] = [];
      for (const entry of manifest.files.filter((f) => f.form === form)) {
        const outcome = await parseFile(join(dir, entry.file));
        const found = 'error' in outcome ? [`not read: ${outcome.error}`] : differences(manifest, entry, outcome.report);
        problems.push(...found.map((d) => `${entry.file} (${entry.encoding ?? 'docx'}${entry.crlf ? ', CRLF' : ''}): ${d}`));
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
