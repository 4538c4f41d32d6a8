// The browser-built twin of ChartFigure.astro, for charts whose data is only known in the browser
// (the compare page): the same figure, summary, canvas and data table.
import type { ChartSpec } from '../charts/chart-spec.ts';
import { BLANK, num, pct } from '../render/format.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

export function figureElement(spec: ChartSpec): { figure: HTMLElement; canvas: HTMLCanvasElement } {
  const show = spec.percent ? pct : num;
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${spec.title}：${spec.summary}`);
  const head = el('tr', {}, el('td'), ...spec.series.map((s) => el('th', { scope: 'col' }, s.label)));
  const rows = spec.labels.map((label, i) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('span', { className: 'label' }, label)),
      ...spec.series.map((s) => {
        const v = s.values[i] ?? null;
        return v === null ? el('td', { className: 'blank' }, el('span', {}, BLANK), el('span', { className: 'sr-only' }, '空白')) : el('td', {}, show(v));
      }),
    ),
  );
  const table = el(
    'table',
    { className: 'data' },
    el('caption', { className: 'sr-only' }, `${spec.title}（数据表）`),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
  const wrap = el('div', { className: 'table-wrap', tabIndex: 0 }, table);
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${spec.title}（数据表）`);
  const figure = el(
    'figure',
    { className: 'chart' },
    el('figcaption', {}, spec.title),
    el('p', { className: 'summary' }, spec.summary),
    el('div', { className: 'canvas-box' }, canvas),
    ...(spec.note ? [el('p', { className: 'note' }, spec.note)] : []),
    wrap,
  );
  return { figure, canvas };
}
