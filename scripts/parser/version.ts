// The parser's version is the hash of its own source (every room) and of the template data it reads, so any
// change to parsing re-parses every cached file, and nobody has to remember to bump a number.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const model = fileURLToPath(new URL('../../model/', import.meta.url));

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const dir of [here, model])
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.ts'))
      .sort())
      hash.update(name).update(readFileSync(dir + name));
  return hash.digest('hex').slice(0, 12);
}

export const PARSER_VERSION = sourceHash();
