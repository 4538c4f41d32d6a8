// What the CI files for a build in shards (GitHub Actions, GitLab CI, Kubernetes) may run: npm ci and the
// npm scripts of package.json, each as the README documents it for a sharded build on one machine.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const readme = readFileSync('README.md', 'utf8');

/**
 * Checks that every command is `npm ci` or an npm script that exists, and is in the README once each
 * CI variable is written as the README writes it (`placeholders`: '${{ matrix.shard }}' → 'NAME').
 */
export function expectReadmeCommands(commands: string[], placeholders: Record<string, string>): void {
  expect(commands.length).toBeGreaterThan(0);
  for (const command of commands) {
    if (command === 'npm ci') continue;
    const script = command.match(/^npm run ([\w:-]+)(?: -- .*)?$/)?.[1];
    expect(script, command).toBeDefined();
    expect(Object.keys(scripts), command).toContain(script);
    const documented = Object.entries(placeholders).reduce((c, [variable, name]) => c.replaceAll(variable, name), command);
    expect(readme, command).toContain(documented);
  }
}
