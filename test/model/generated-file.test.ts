// A generated file nianbao cannot use stops the build with one sentence a maintainer can act on: the file,
// the element and the field, what was expected and what is there, and what to do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { agency, buildInfo } from '../../model/corpus.ts';
import { isMissing, parseGenerated, readGenerated } from '../../model/generated-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-generated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One agency as agencies.json holds it, typed by hand. */
const QINGHE = `{"id":"a1b2c3d4e5f6","name":"青禾县人民政府办公室","names":["青禾县人民政府办公室"],"level":"county","region":"江苏省淮安市青禾县",
"parent":"青禾县人民政府","sourceUrl":null,"reports":["a1b2c3d4e5f6-2021"],"years":[2021],"carryOverBreaks":[],"formerIds":[],"formerReports":{}}`;

describe('readGenerated', () => {
  test('a field of the wrong type: the file, the element and the field, what was expected and what is there', () => {
    const twelveFine = Array(12).fill(QINGHE);
    const text = `[${[...twelveFine, QINGHE.replace('"years":[2021]', '"years":["2021"]')].join(',')}]`;
    expect(() => parseGenerated('generated/agencies.json', text, agency.array())).toThrow(
      'generated/agencies.json: element 12, field years, element 0: expected a number, got a text ("2021"); run `npm run build` to write the generated data again.',
    );
  });

  test('a missing field and a value out of its list, nested in an object; further problems counted', () => {
    const text = `{"generatedAt":"2026-01-01T00:00:00Z","parserVersion":"1","reports":1,"agencies":1,"years":[2021],
      "errors":[{"file":"content/a.txt","error":"not a report"},{"error":"no file"}],"warnings":[{"file":"content/agencies.csv","line":"3","warning":"x"}]}`;
    expect(() => parseGenerated('generated/build.json', text, buildInfo)).toThrow(
      'generated/build.json: field errors, element 1, field file: expected a text, got nothing (and 1 more problem); run `npm run build` to write the generated data again.',
    );
    expect(() => parseGenerated('generated/agencies.json', `[${QINGHE.replace('"county"', '"village"')}]`, agency.array())).toThrow(
      'generated/agencies.json: element 0, field level: expected one of "province", "city", "county", "township", "department", "other", got a text ("village")',
    );
  });

  test('a file cut short, and a file that is not there', () => {
    writeFileSync(join(dir, 'reports.json'), '[{"id":"a1b2c3d4e5f6-2021","year":20');
    expect(() => readGenerated(join(dir, 'reports.json'))).toThrow(
      new RegExp(
        `^${join(dir, 'reports.json')} is not valid JSON \\(.+\\); it was cut short or edited: run \`npm run build\` to write the generated data again\\.$`,
      ),
    );
    let missing: unknown;
    try {
      readGenerated(join(dir, 'notes.json'));
    } catch (error) {
      missing = error;
    }
    expect((missing as Error).message).toBe(`${join(dir, 'notes.json')} does not exist: run \`npm run build\` to write the generated data again.`);
    expect(isMissing(missing)).toBe(true);
  });

  test('a file in its shape is returned as its schema reads it', () => {
    writeFileSync(join(dir, 'agencies.json'), `[${QINGHE}]`);
    expect(readGenerated(join(dir, 'agencies.json'), agency.array())[0]).toMatchObject({ name: '青禾县人民政府办公室', years: [2021] });
  });

  test("the site's pages read generated files through it", async () => {
    writeFileSync(join(dir, 'build.json'), '{"generatedAt":"2026-01-01T00:00:00Z","parserVersion":"1","reports":"many","agencies":1,"years":[],"errors":[]}');
    // The site's data reader reads the generated folder Astro's config hands it (src/data/astro-build.ts).
    vi.stubGlobal('__NIANBAO_BUILD__', { generated: dir, pages: 'all', bundlePages: 2000, demo: false });
    vi.resetModules();
    const { build } = await import('../../src/data/site-data.ts');
    vi.unstubAllGlobals();
    expect(() => build()).toThrow(
      `${join(dir, 'build.json')}: field reports: expected a number, got a text ("many"); run \`npm run build\` to write the generated data again.`,
    );
  });
});
