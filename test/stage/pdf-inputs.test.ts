// PDFs dropped into content/ as agencies publish them: a readable one becomes a report whose original is
// kept byte for byte; a scan, an encrypted file and a truncated one are each listed with a reason in Chinese,
// and the rest of the build goes on.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Report } from '../../model/report.ts';
import { runDataStage } from '../../scripts/stage/stage.ts';
import { FIXTURE_2021, tabText } from '../parser/fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../parser/fixtures');
let dir: string;
let content: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
  content = join(dir, 'content');
  out = join(dir, 'generated');
  await mkdir(content, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('a PDF becomes a report with its original kept; a scan, an encrypted and a truncated PDF are listed in Chinese while the rest builds', async () => {
  await writeFile(join(content, 'text.txt'), tabText(FIXTURE_2021));
  await copyFile(join(FIXTURES, 'pdf-libreoffice-ruled-2021/input.pdf'), join(content, '青溪县市场监管局.pdf'));
  for (const name of ['scan', 'encrypted', 'truncated']) await copyFile(join(FIXTURES, `pdf-refused-${name}/input.pdf`), join(content, `${name}.pdf`));

  const { info, summaries } = await runDataStage({ contentDir: content, outDir: out, workers: 2, log: () => {} });

  expect(summaries.map((s) => s.agency).sort()).toEqual(['青溪县市场监督管理局', '青禾县人民政府办公室']);
  const reasons = Object.fromEntries(info.errors.map((e) => [e.file.replace(/^.*\//, ''), e.error]));
  expect(Object.keys(reasons).sort()).toEqual(['encrypted.pdf', 'scan.pdf', 'truncated.pdf']);
  expect(reasons['scan.pdf']).toMatch(/^扫描件，没有文字层：.*请提供有文字的 PDF/);
  expect(reasons['encrypted.pdf']).toMatch(/^PDF 已加密，需要密码才能打开/);
  expect(reasons['truncated.pdf']).toMatch(/^PDF 文件已损坏：文件不完整/);

  const pdf = summaries.find((s) => s.agency === '青溪县市场监督管理局')!;
  const bytes = await readFile(join(content, '青溪县市场监管局.pdf'));
  expect(await readFile(join(out, 'downloads/originals', `${pdf.id}.pdf`))).toEqual(bytes);
  const report = JSON.parse(await readFile(join(out, 'downloads/reports', `${pdf.id}.json`), 'utf8')) as Report;
  expect(report.format).toBe('pdf');
  expect(report.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  expect(report.applications.received.total).toBe(38);
  // The 原文 view can say on which page each table stands: table 三's first row is on a later page than the title.
  const pages = report.pageStarts!;
  const pageOf = (offset: number) => pages.findLastIndex((start) => start <= offset) + 1;
  expect(pages).toHaveLength(6);
  expect(pageOf(report.printed['applications.received'].start)).toBeGreaterThan(pageOf(0));
});
