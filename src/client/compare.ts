// The compare page: read the choice from the URL, fetch each picked agency's figures, draw the charts,
// offer the numbers as CSV. The URL is the state: ?a=<agency>,<agency>&y=<year>,<year>&b=<year of the breakdowns>.
import { cautionOf, compareRows, compareView, type CompareView, type Picked } from '../compare/compare-charts.ts';
import { compareDataPath, PICKER_PATH, type CompareAgency, type PickerAgency } from '../compare/compare-data.ts';
import { compareTitle } from '../compare/compare-title.ts';
import { recordsCsv } from '../../model/csv.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { drawFigure } from './charts.ts';
import { figureElement } from './figure-dom.ts';

/** Both `a=x,y` (shared links) and `a=x&a=y` (the form without JavaScript) name a list. */
const list = (params: URLSearchParams, key: string) =>
  params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .filter(Boolean);

/** Agencies a search in the picker lists at most, besides the ones already chosen. */
const SHOWN = 50;
const byName = new Intl.Collator('zh-CN').compare;

/** The reports whose compared numbers are marked, each linked to its page with why (the charts mark the numbers themselves). */
function cautionList(picked: Picked[]): HTMLElement[] {
  const flagged = picked.filter((p) => cautionOf(p.report));
  if (flagged.length === 0) return [];
  const intro = Object.assign(document.createElement('p'), {
    textContent: '以下报告中有对比的数字需要注意：与报告自身其他数字矛盾的，图中以斜纹柱或空心三角、表中以 ⚠ 标出；无法确定的写作“？”。',
  });
  const list = document.createElement('ul');
  for (const p of flagged) {
    const link = Object.assign(document.createElement('a'), { href: p.report.url, textContent: `${p.agency} ${p.report.year}年` });
    const item = document.createElement('li');
    item.append(p.report.failedFigures.length + p.report.failedCells.length > 0 ? '⚠ ' : '？ ', link, `：${cautionOf(p.report)}`);
    list.append(item);
  }
  return [intro, list];
}

const h = (tag: 'h2' | 'p', text: string, className = '') => Object.assign(document.createElement(tag), { textContent: text, className });

/** Each agency's colour, once for the whole page: every chart draws it in that colour. */
function agencyLegend(view: CompareView): HTMLElement {
  const list = Object.assign(document.createElement('ul'), { className: 'chart-legend page-legend' });
  list.setAttribute('aria-label', '图例：各机关的颜色');
  for (const a of view.agencies) {
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
    swatch.style.background = a.colour;
    swatch.setAttribute('aria-hidden', 'true');
    const item = document.createElement('li');
    item.append(swatch, a.name);
    list.append(item);
  }
  return list;
}

/** A grid of figures, each drawn and with its downloads. */
function figures(specs: ChartSpec[]): HTMLElement {
  const grid = Object.assign(document.createElement('div'), { className: 'charts' });
  for (const spec of specs) {
    const { figure, drawn } = figureElement(spec);
    grid.append(figure);
    if (drawn) queueMicrotask(() => drawFigure(figure, spec));
  }
  return grid;
}

/** The citation block names what is compared and this page's address, which holds the choice. */
function citeChoice(picked: Picked[]): void {
  const agencies = [...new Set(picked.map((p) => p.agency))].join('、') || '（未选择）';
  const years = [...new Set(picked.map((p) => p.report.year))].sort().join('、') || '（未选择）';
  for (const el of document.querySelectorAll('[data-cite-agency]')) el.textContent = agencies;
  for (const el of document.querySelectorAll('[data-cite-year]')) el.textContent = years;
  for (const el of document.querySelectorAll('[data-cite-url]')) el.textContent = location.href;
  const line = document.querySelector('[data-cite-line]');
  if (line) line.textContent = `${agencies}，${years}年度报告对比。政府信息公开年报库，${location.href}（数据生成于 ${line.getAttribute('data-built')}）。`;
}

export async function runComparePage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#compare-form')!;
  const status = document.querySelector<HTMLElement>('#compare-status')!;
  const charts = document.querySelector<HTMLElement>('#compare-charts')!;
  const cautions = document.querySelector<HTMLElement>('#compare-cautions')!;
  const csvButton = document.querySelector<HTMLButtonElement>('#compare-csv')!;
  const filter = document.querySelector<HTMLInputElement>('#agency-filter')!;
  const picker = document.querySelector<HTMLElement>('#agency-picker')!;
  const found = document.querySelector<HTMLElement>('#agency-found')!;
  const base = form.dataset.base!;
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  let picked: Picked[] = [];

  // The picker lists the chosen agencies, then those whose name holds what was typed.
  const agencies = (await (await fetch(base + PICKER_PATH)).json()) as PickerAgency[];
  const chosen = new Set<string>();
  const choice = (a: PickerAgency) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'a', value: a.id, checked: chosen.has(a.id) });
    box.addEventListener('change', () => (box.checked ? chosen.add(a.id) : chosen.delete(a.id)));
    const meta = Object.assign(document.createElement('span'), { className: 'meta', textContent: `（${a.meta}）` });
    const label = Object.assign(document.createElement('label'), { className: 'pick' });
    label.append(box, ` ${a.name}`, meta);
    return label;
  };
  const showPicker = () => {
    const text = filter.value.trim();
    const matching = text ? agencies.filter((a) => !chosen.has(a.id) && a.name.includes(text)) : [];
    picker.replaceChildren(...agencies.filter((a) => chosen.has(a.id)).map(choice), ...matching.slice(0, SHOWN).map(choice));
    found.textContent = !text
      ? `共 ${agencies.length} 个机关，输入名称的一部分查找。`
      : `名称含“${text}”的机关有 ${matching.length} 个${matching.length > SHOWN ? `，列出前 ${SHOWN} 个` : ''}。`;
  };
  filter.addEventListener('input', showPicker);
  // Enter in the name box filters (it already has, as the reader typed); it does not submit the choice.
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      showPicker();
    }
  });

  async function render() {
    // The printout's address (src/layouts/Base.astro) carries the choice, as the URL does.
    for (const address of document.querySelectorAll('[data-page-url]')) address.textContent = location.href;
    const params = new URLSearchParams(location.search);
    const [agencyIds, years] = [list(params, 'a'), list(params, 'y').map(Number)];
    chosen.clear();
    for (const id of agencyIds) chosen.add(id);
    showPicker();
    for (const box of boxes('y')) box.checked = years.includes(Number(box.value));
    charts.replaceChildren();
    cautions.replaceChildren();
    csvButton.hidden = true;
    citeChoice([]);
    if (agencyIds.length === 0) {
      status.textContent = '请选择至少一个机关，再按“对比”。';
      return;
    }
    status.textContent = '正在载入…';
    const loaded = await Promise.all(
      agencyIds.map(async (id) => {
        const response = await fetch(base + compareDataPath(id));
        return response.ok ? ((await response.json()) as CompareAgency) : null;
      }),
    );
    picked = loaded
      .flatMap((a) => (a ? a.reports.map((report) => ({ agency: a.name, agencyId: a.id, report })) : []))
      .filter((p) => years.length === 0 || years.includes(p.report.year))
      .sort((x, y) => x.report.year - y.report.year || byName(x.agency, y.agency));
    if (picked.length === 0) {
      status.textContent = '所选机关在所选年度没有报告。';
      return;
    }
    // The status ends on what is shown, not on a "comparing…" that would stay after loading.
    const shownAgencies = new Set(picked.map((p) => p.agency)).size;
    const shownYears = [...new Set(picked.map((p) => p.report.year))];
    status.textContent = `下列图表比较 ${picked.length} 份报告：${shownAgencies} 个机关，${shownYears.join('、')}年度。`;
    cautions.replaceChildren(...cautionList(picked));
    citeChoice(picked);
    const named = compareTitle(
      picked.map((p) => p.agency),
      picked.map((p) => p.report.year),
    );
    document.title = named.title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', named.description);
    const byYear = Number(params.get('b')) || undefined;
    const view = compareView(picked, agencyIds, byYear);
    charts.append(agencyLegend(view));
    if (view.trends.length) {
      charts.append(
        h('h2', `历年变化（${view.years[0]}—${view.years.at(-1)}年）`),
        h(
          'p',
          view.agencies.length > 1
            ? '每个机关一条线，颜色在本页各图中不变；线断开处是空白、无法确定或没有报告的年度。'
            : '线断开处是空白、无法确定或没有报告的年度。',
          'small-sample',
        ),
        figures(view.trends),
      );
    }
    const select = Object.assign(document.createElement('select'), { id: 'compare-year' });
    select.append(
      ...view.years.map((y) => Object.assign(document.createElement('option'), { value: String(y), textContent: `${y}年`, selected: y === view.year })),
    );
    select.addEventListener('change', () => {
      const query = new URLSearchParams(location.search);
      query.set('b', select.value);
      history.replaceState(null, '', `?${query.toString().replaceAll('%2C', ',')}`);
      void render();
    });
    const label = Object.assign(document.createElement('label'), { className: 'year-pick' });
    label.append('构成：', select);
    charts.append(h('h2', `${view.year}年各机关的构成`), ...(view.years.length > 1 ? [label] : []), figures(view.breakdown));
    csvButton.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = (name: string) =>
      boxes(name)
        .filter((b) => b.checked)
        .map((b) => b.value)
        .join(',');
    const query = new URLSearchParams(Object.entries({ a: [...chosen].join(','), y: checked('y') }).filter(([, v]) => v));
    history.pushState(null, '', `?${query.toString().replaceAll('%2C', ',')}`);
    void render();
  });
  addEventListener('popstate', () => void render());

  csvButton.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([recordsCsv(compareRows(picked, location.origin))], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'nianbao-compare.csv' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  await render();
}
