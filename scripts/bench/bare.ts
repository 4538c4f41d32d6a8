// The floors our build is compared with, on the same pages as our site (not empty ones): a bare Astro
// project that publishes our built pages' HTML unchanged (read at render time, as our pages read their
// report's JSON); bare Pagefind indexes the same reports' text in one index (bare-pagefind.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ours from '../../astro.config.mjs';

/**
 * Writes into `dir` an Astro project with one page per `pages` entry (an `index.html` path below
 * `siteDir`), whose output is that page's HTML as our build wrote it: what Astro costs to produce the
 * same files, without any work of ours. `node <dir>/build.mjs` builds it.
 */
export function bareAstro(dir: string, siteDir: string, pages: string[]): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages.map((p) => dirname(p))));
  // Our build settings (pages at a time included), so that bare and ours differ only in the pages' own work.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `export default { build: ${JSON.stringify(ours.build)}, trailingSlash: 'always', devToolbar: { enabled: false } };\n`,
  );
  // Built as runAstro builds ours (scripts/site/astro.ts), warnings only: the CLI prints a line per page,
  // which took 2 of bare Astro's 25 s at 26,755 pages and which our build does not print.
  writeFileSync(join(dir, 'build.mjs'), `import { build } from 'astro';\nawait build({ root: import.meta.dirname, logLevel: 'warn' });\n`);
  writeFileSync(
    join(dir, 'src/pages/[...path].astro'),
    `---
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import paths from '../../pages.json';
export function getStaticPaths() {
  return paths.map((p) => ({ params: { path: p === '.' ? undefined : p } }));
}
const html = readFileSync(join(${JSON.stringify(siteDir)}, Astro.params.path ?? '', 'index.html'), 'utf8');
---
<Fragment set:html={html} />
`,
  );
}
