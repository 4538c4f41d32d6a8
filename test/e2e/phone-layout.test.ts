// On a 360 px phone, with the long names of 县级 offices and 街道, every page stays readable: no page wider
// than the screen, no table cell squeezed to a character a line, names on two lines (or a readable
// width), table 三 scrolling in its own frame with its row labels in view and a hint that more columns
// follow, the compare picker's boxes beside their names. And the focus ring stands out on every
// background the site uses.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { browserAvailable, openPage, seriousViolations, useServedSite } from './site.ts';
import { LONG_NAMES, writeLongNameCorpus } from './fixtures/long-names.ts';

const PHONE = 360;
/** Narrowest name cell that may run to three lines or more (about nine characters a line). */
const NAME_MIN_WIDTH = 120;

/** Every table cell in the page's main content with four characters or more: its text, lines and width. */
const cellLines = (page: Page) =>
  page.$$eval('main th, main td', (cells) =>
    cells.flatMap((cell) => {
      const text = (cell.textContent ?? '').replace(/\s+/g, '');
      const box = cell.getBoundingClientRect();
      if (text.length < 4 || box.width === 0 || cell.closest('.sr-only')) return [];
      // One rectangle per line of each text node: count the distinct line tops.
      const tops = new Set<number>();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return [{ text, lines: tops.size, width: Math.round(box.width), name: cell.matches('table.data tbody th') }];
    }),
  );

/** The focused element's rings (outline, then box-shadow) and the first opaque background behind it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    let behind = el.parentElement;
    while (behind && /rgba\(.*, 0\)$|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
    return {
      what: `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim().slice(0, 12) || el.getAttribute('name') || el.id}`,
      outline: style.outlineStyle === 'none' ? null : style.outlineColor,
      outlineWidth: parseFloat(style.outlineWidth),
      border: style.borderTopStyle === 'none' ? null : style.borderTopColor,
      fill: style.backgroundColor,
      // The browser draws a native check box's edge itself (Chromium: #767676, 4.5:1 on white).
      native: style.appearance === 'auto' && ['checkbox', 'radio'].includes(el.getAttribute('type') ?? ''),
      shadow: style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? null,
      background: behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)',
    };
  });

/** The frame's hint that more columns follow, and whether it shows. */
const hint = (frame: Locator) => frame.evaluate((w) => ({ text: getComputedStyle(w, '::before').content, shown: getComputedStyle(w, '::before').visibility }));

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe.skipIf(!browserAvailable)('phone layout with long agency names', () => {
  let corpus: string | undefined;
  afterAll(() => corpus && rmSync(corpus, { recursive: true, force: true }));
  const served = useServedSite(() => (corpus = writeLongNameCorpus()));
  let url: string;
  let browser: Browser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ url, browser } = served());
    // The agency ids the build gave the long names, read from the agency list.
    const { page } = await openPage(browser, `${url}agencies/`);
    for (const [key, name] of Object.entries(LONG_NAMES)) {
      const link = await page.$eval(`#agency-table a:text-is("${name}")`, (a) => a.getAttribute('href')!);
      ids[key] = link.split('/').at(-2)!;
    }
    await page.close();
  });

  const pages = () => [
    ['agency list', 'agencies/'],
    ['agency with two years', `agencies/${ids.street}/`],
    ['year ranking', 'years/2020/'],
    ['quality', 'quality/'],
    ['report', `reports/${ids.street}-2021/`],
    ['compare', `compare/?a=${ids.street},${ids.bingtuan},${ids.county}&y=2020,2021`],
  ];

  test('no page is wider than the screen, and no cell runs a character a line', async () => {
    for (const [name, path] of pages()) {
      const { page, errors } = await openPage(browser, url + path!, PHONE);
      await page.waitForTimeout(300);
      expect(errors, name).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} width`).toBeLessThanOrEqual(PHONE);
      const cells = await cellLines(page);
      expect(cells.length, name).toBeGreaterThan(0);
      const squeezed = cells.filter((c) => c.text.length / c.lines < 2).map((c) => `${c.text} (${c.lines} lines, ${c.width} px)`);
      expect(squeezed, `${name}: cells squeezed`).toEqual([]);
      const tallNames = cells.filter((c) => c.name && c.lines > 2 && c.width < NAME_MIN_WIDTH).map((c) => `${c.text} (${c.lines} lines)`);
      expect(tallNames, `${name}: names over two lines in a narrow column`).toEqual([]);
      await page.close();
    }
  });

  test('the lists show the long names on two lines', async () => {
    const { page } = await openPage(browser, `${url}agencies/`, PHONE);
    const cells = await cellLines(page);
    // 17 characters: two lines at the width a name keeps.
    expect(cells.find((c) => c.text === LONG_NAMES.street)?.lines).toBe(2);
    await page.close();
  });

  test('table 三 scrolls in its frame, says so, and keeps its row labels in view', async () => {
    const { page } = await openPage(browser, `${url}reports/${ids.street}-2021/`, PHONE);
    const wrap = page.locator('.table-wrap:has(table.applications)');
    expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
    expect(await hint(wrap)).toEqual({ text: '"左右滑动查看更多列 →"', shown: 'visible' });
    await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
    const frame = await wrap.boundingBox();
    const boxes: Record<string, { x: number; width: number }> = {};
    for (const label of ['一、本年新收政府信息公开申请数量', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '（一）予以公开', '（七）总计']) {
      const box = (await page.locator('table.applications tbody th', { hasText: label }).first().boundingBox())!;
      expect(box.x, label).toBeGreaterThanOrEqual(frame!.x - 1);
      expect(box.x + box.width, label).toBeLessThanOrEqual(frame!.x + frame!.width);
      boxes[label] = box;
    }
    // The merged group, its subgroup and the row side by side, none covering another.
    const right = (label: string) => boxes[label]!.x + boxes[label]!.width;
    expect(right('三、本年度办理结果')).toBeLessThanOrEqual(boxes['（三）不予公开']!.x + 2);
    expect(right('（三）不予公开')).toBeLessThanOrEqual(boxes['1.属于国家秘密']!.x + 2);
    // The last column, 总计, is in view too, beside the labels.
    const total = await page.locator('table.applications thead th', { hasText: '总计' }).last().boundingBox();
    expect(total!.x + total!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
    await page.close();
    // A table that fits says nothing: the counts by rule on /quality/.
    const quality = (await openPage(browser, `${url}quality/`, PHONE)).page;
    const fits = quality.locator('.table-wrap').first();
    expect(await fits.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    expect((await hint(fits)).shown).toBe('hidden');
    await quality.close();
  });

  test('the compare page: boxes beside their names, legends inside their charts, a status that ends', async () => {
    const { page } = await openPage(browser, `${url}compare/?a=${ids.street},${ids.bingtuan}&y=2020,2021`, PHONE);
    await page.waitForSelector('#compare-charts figure');
    for (const label of await page.$$('#agency-picker label')) {
      const [box, text] = await label.evaluate((l) => {
        const input = l.querySelector('input')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(l);
        range.setStartAfter(l.querySelector('input')!);
        const first = [...range.getClientRects()].find((r) => r.width > 0)!;
        return [
          { left: input.left, right: input.right, top: input.top, bottom: input.bottom },
          { left: first.left, top: first.top, bottom: first.bottom },
        ];
      });
      expect(box.right).toBeLessThanOrEqual(text.left);
      // On the name's first line, not above it.
      expect(box.bottom).toBeGreaterThan(text.top);
      expect(box.top).toBeLessThan(text.bottom);
    }
    const status = (await page.textContent('#compare-status'))!;
    expect(status).not.toContain('正在');
    expect(status).toContain('3 份报告');
    const legendsInside = await page.$$eval('#compare-charts figure', (figures) =>
      figures.every((f) => [...f.querySelectorAll('.chart-legend li')].every((li) => li.getBoundingClientRect().right <= f.getBoundingClientRect().right)),
    );
    expect(legendsInside).toBe(true);
    // The first chart's series (its data table's columns, also when nothing is drawn because all are 0):
    // a line per agency over the years, in the order they were chosen.
    expect(await page.$eval('#compare-charts figure', (f) => [...f.querySelectorAll('table thead th')].map((th) => th.textContent!.trim()))).toEqual([
      LONG_NAMES.street,
      LONG_NAMES.bingtuan,
    ]);
    await page.close();
  });

  test('Enter in the compare name box filters the list and does not submit the form', async () => {
    const { page } = await openPage(browser, `${url}compare/`, PHONE);
    await page.fill('#agency-filter', '街道');
    await page.press('#agency-filter', 'Enter');
    await page.waitForTimeout(200);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.$$eval('#agency-picker label', (ls) => ls.map((l) => l.textContent!.trim()))).toEqual([
      `${LONG_NAMES.street}（乡镇级，江苏省淮安市淮阴区）`,
    ]);
    await page.close();
  });

  test('a long list shows one count, and it is the number of rows shown', async () => {
    const { page } = await openPage(browser, `${url}quality/`, PHONE);
    const counts = () =>
      page.$$eval('main p', (ps) =>
        ps.filter((p) => p.checkVisibility() && /显示/.test(p.textContent ?? '')).map((p) => p.textContent!.replace(/\s+/g, ' ').trim()),
      );
    const shown = () => page.$$eval('#quality-table tbody tr:not([hidden])', (rows) => rows.length);
    // Three towns and a county office left table 三 blank: more findings than the page prints.
    const before = await counts();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(new RegExp(`^显示第 1–${await shown()} 条，共 \\d+ 条`));
    await page.selectOption('select[name="status"]', 'undecided');
    await page.waitForFunction(() => /显示 \d+ 条/.test(document.querySelector('[data-filter-count]')?.textContent ?? ''));
    const after = await counts();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(new RegExp(`^显示 ${await shown()} 条，共 \\d+ 条$`));
    await page.close();
  });

  test('the focus ring stands out at 3:1 on every background, and axe finds no contrast problem with a control focused', async () => {
    for (const path of ['quality/', `compare/?a=${ids.street}`]) {
      const { page } = await openPage(browser, url + path, PHONE);
      await page.waitForTimeout(300);
      const backgrounds = new Set<string>();
      const weak: string[] = [];
      // Through the header (red), the filter panels (grey), tables and text (white).
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const ring = await focusRing(page);
        if (ring.what.startsWith('body')) break; // past the last control
        backgrounds.add(ring.background);
        const best = Math.max(...[ring.outline, ring.shadow].filter((c): c is string => c !== null).map((c) => contrast(c, ring.background)), 0);
        if (ring.outlineWidth < 2 || best < 3) weak.push(`${ring.what} on ${ring.background}: ${best.toFixed(2)}:1`);
        if (['input', 'select', 'button'].some((tag) => ring.what.startsWith(tag))) {
          // A control's own edge counts too (WCAG 1.4.11): its border, or its fill against what is around it.
          const edge = Math.max(ring.border ? contrast(ring.border, ring.background) : 0, contrast(ring.fill, ring.background));
          if (!ring.what.startsWith('button') && !ring.native && edge < 3) weak.push(`edge of ${ring.what} on ${ring.background}: ${edge.toFixed(2)}:1`);
          const contrastProblems = (await seriousViolations(page)).filter((v) => v.includes('contrast'));
          expect(contrastProblems, ring.what).toEqual([]);
        }
      }
      expect(weak, path).toEqual([]);
      // The walk reached the red header, the grey panels and white.
      expect([...backgrounds], path).toEqual(expect.arrayContaining(['rgb(159, 29, 32)', 'rgb(244, 244, 246)', 'rgb(255, 255, 255)']));
      await page.close();
    }
  });
});
