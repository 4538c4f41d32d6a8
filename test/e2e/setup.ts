// Before the browser tests: find Chromium (skip, never fail, without it), make sure dist/ exists (build it
// from content/ if not), and serve it on 127.0.0.1 for every scenario.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startServer, type Preview } from '../../scripts/preview.ts';
import { hasChromium, SKIP_MESSAGE } from '../../scripts/chromium.ts';
import { buildEnv } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: boolean;
    siteUrl: string;
  }
}

let server: Preview | undefined;

export async function setup(project: TestProject) {
  project.provide('chromium', hasChromium());
  project.provide('siteUrl', '');
  if (!hasChromium()) {
    console.warn(`\n${SKIP_MESSAGE}\n`);
    return;
  }
  if (!existsSync('dist/index.html')) {
    console.log('dist/ is missing: building the sample site with `npm run build` …');
    const built = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', env: buildEnv() });
    if (built.status !== 0) throw new Error('`npm run build` failed; the browser tests need the built site.');
  }
  server = await startServer({ dir: 'dist' });
  project.provide('siteUrl', server.url);
}

export async function teardown() {
  await server?.close();
}
