// The floors our build is compared with: a bare Astro project rendering the same number of trivial
// pages from one JSON file, and a folder of the same number of plain HTML pages holding the synthetic
// reports' prose (what our report pages give Pagefind to index), for bare Pagefind.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCorpus } from './generate.ts';
import { composeReport } from './synthetic-report.ts';

/** Writes a minimal Astro project into `dir` with `pages` trivial pages. */
export function bareAstro(dir: string, pages: number): void {
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  const entries = Array.from({ length: pages }, (_, i) => ({ id: `p${i}`, title: `页面 ${i}`, body: `第 ${i} 个页面的正文。` }));
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(entries));
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { build: { format: 'directory' }, devToolbar: { enabled: false } };\n`);
  writeFileSync(
    join(dir, 'src/pages/p/[id].astro'),
    `---
import entries from '../../../pages.json';
export function getStaticPaths() {
  return entries.map((e) => ({ params: { id: e.id }, props: e }));
}
const { title, body } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>
`,
  );
}

/** Writes `pages` plain pages of report prose into `dir` (one folder per page, as our site lays them out). */
export function barePagefind(dir: string, pages: number, seed: number): void {
  for (const r of planCorpus({ reports: pages, seed })) {
    const doc = composeReport(r.agency, r.year, r.figures, r.rnd);
    const text = doc.blocks
      .filter((b) => b.kind !== 'table')
      .map((b) => `<p>${b.text}</p>`)
      .join('');
    mkdirSync(join(dir, 'p', String(r.index)), { recursive: true });
    writeFileSync(
      join(dir, 'p', String(r.index), 'index.html'),
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${doc.title}</title></head><body><main><h1>${doc.title}</h1>${text}</main></body></html>`,
    );
  }
}
