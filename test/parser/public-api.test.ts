// What code outside scripts/parser/ may use of the parser: exactly these names, typed here by hand. A room's
// module that starts being imported from outside shows up here as a change to the public API.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as parser from '../../scripts/parser/index.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the parser’s public API', () => {
  it('is parseBytes, parseFile, PARSER_VERSION and levelOf', () => {
    expect(Object.keys(parser).sort()).toEqual(['PARSER_VERSION', 'levelOf', 'parseBytes', 'parseFile']);
  });

  it('is the only door: no module outside scripts/parser/ imports a room of it', () => {
    const inside: string[] = [];
    for (const dir of ['scripts', 'src', 'model'])
      for (const name of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        const file = join(ROOT, dir, name);
        if (!/\.(ts|astro|mjs)$/.test(name) || file.startsWith(join(ROOT, 'scripts/parser/'))) continue;
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']*parser\/[^']+)'/g))
          if (!spec.endsWith('parser/index.ts')) inside.push(`${relative(ROOT, file)} → ${spec}`);
      }
    expect(inside).toEqual([]);
  });
});
