// Builds a corpus into a temporary folder with the project's own build script, for the scenarios that
// need a site of their own (hostile input, a sub-path).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment for a build started from a test: without what Vitest sets for its own Vite (BASE_URL,
 * MODE, NODE_ENV…), which Astro's Vite would otherwise take for the site's own settings.
 */
export const buildEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k) && !k.startsWith('VITEST')),
  );

export interface TempSite {
  root: string;
  content: string;
  generated: string;
  dist: string;
  output: string;
}

export function buildTempSite(contentFrom: string, extra: string[] = []): TempSite {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const site = { root, content: join(root, 'content'), generated: join(root, 'generated'), dist: join(root, 'site', 'dist') };
  cpSync(contentFrom, site.content, { recursive: true });
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--content', site.content, '--generated', site.generated, '--dist', site.dist, ...extra], {
    encoding: 'utf8',
    env: buildEnv(),
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`build of ${contentFrom} failed:\n${output}`);
  return { ...site, output };
}
