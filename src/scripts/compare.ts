// The compare page: read the choice from the URL, fetch each picked agency's figures, draw the charts,
// offer the numbers as CSV. The URL is the state: ?a=<agency>,<agency>&y=<year>,<year>.
import { compareCharts, compareRows, type Picked } from '../lib/compare-charts.ts';
import { compareDataPath, type CompareAgency } from '../lib/compare-data.ts';
import { toCsv } from '../lib/csv.ts';
import { drawChart } from './charts.ts';
import { figureElement } from './figure-dom.ts';

/** Both `a=x,y` (shared links) and `a=x&a=y` (the form without JavaScript) name a list. */
const list = (params: URLSearchParams, key: string) => params.getAll(key).flatMap((v) => v.split(',')).filter(Boolean);

export async function runComparePage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#compare-form')!;
  const status = document.querySelector<HTMLElement>('#compare-status')!;
  const charts = document.querySelector<HTMLElement>('#compare-charts')!;
  const csvButton = document.querySelector<HTMLButtonElement>('#compare-csv')!;
  const filter = document.querySelector<HTMLInputElement>('#agency-filter')!;
  const base = form.dataset.base!;
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  let picked: Picked[] = [];

  filter.addEventListener('input', () => {
    for (const label of form.querySelectorAll<HTMLElement>('#agency-picker [data-name]')) {
      label.hidden = !label.dataset.name!.includes(filter.value.trim());
    }
  });

  async function render() {
    const params = new URLSearchParams(location.search);
    const [agencyIds, years] = [list(params, 'a'), list(params, 'y').map(Number)];
    for (const box of boxes('a')) box.checked = agencyIds.includes(box.value);
    for (const box of boxes('y')) box.checked = years.includes(Number(box.value));
    charts.replaceChildren();
    csvButton.hidden = true;
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
      .flatMap((a) => (a ? a.reports.map((report) => ({ agency: a.name, report })) : []))
      .filter((p) => years.length === 0 || years.includes(p.report.year))
      .sort((x, y) => x.report.year - y.report.year || x.agency.localeCompare(y.agency, 'zh-CN'));
    if (picked.length === 0) {
      status.textContent = '所选机关在所选年度没有报告。';
      return;
    }
    status.textContent = `正在比较 ${picked.length} 份报告。`;
    for (const spec of compareCharts(picked)) {
      const { figure, canvas } = figureElement(spec);
      charts.append(figure);
      drawChart(canvas, spec);
    }
    csvButton.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = (name: string) => boxes(name).filter((b) => b.checked).map((b) => b.value).join(',');
    const query = new URLSearchParams(Object.entries({ a: checked('a'), y: checked('y') }).filter(([, v]) => v));
    history.pushState(null, '', `?${query.toString().replaceAll('%2C', ',')}`);
    void render();
  });
  addEventListener('popstate', () => void render());

  csvButton.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([toCsv(compareRows(picked))], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'nianbao-compare.csv' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  await render();
}
