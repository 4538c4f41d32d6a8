// axe-core finds no serious or critical violation on the main pages, on a desktop and on a 360 px phone.
import { describe, expect, test } from 'vitest';
import { browserAvailable, useBrowser, openPage, siteUrl } from './site.ts';
import { mainPages } from './pages.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(!browserAvailable)('accessibility', () => {
  const browser = useBrowser();

  for (const width of [1200, 360]) {
    test.each(mainPages())(`%s at ${width} px has no serious axe violation`, async (_name, path) => {
      const { page } = await openPage(browser(), siteUrl() + path, width);
      await page.waitForTimeout(300); // charts and search results render after load
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = (await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run()).violations)) as AxeViolation[];
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      await page.close();
    });
  }
});
