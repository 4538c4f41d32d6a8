// The browser-built twin of ChartFigure.astro, for charts whose data is only known in the browser (the
// compare page): the same figure, summary, canvas (or a panel per series: small multiples) and data table.
import { notDrawn, type ChartSpec } from '../charts/chart-spec.ts';
import { chartCell } from '../charts/chart-cells.ts';
import { seriesColour } from './charts.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const canvasFor = (spec: ChartSpec) => {
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${spec.title}：${spec.summary || spec.series.map((s) => s.label).join('、')}`);
  return canvas;
};

/** The figure, and whether it has a chart to draw (else said in words, no empty axes). */
export function figureElement(spec: ChartSpec): { figure: HTMLElement; drawn: boolean } {
  const why = notDrawn(spec);
  const head = el('tr', {}, el('td'), ...spec.series.map((s) => el('th', { scope: 'col' }, s.label)));
  const rows = spec.labels.map((label, i) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('span', { className: 'label' }, label)),
      ...spec.series.map((_, j) => {
        const c = chartCell(spec, j, i);
        if (c.className === '') return el('td', {}, c.shown);
        if (c.className === 'flagged' || c.className === 'cut')
          return el('td', { className: c.className }, c.shown, el('span', { className: 'sr-only' }, c.spoken));
        const shown = el('span', {}, c.shown);
        shown.setAttribute('aria-hidden', 'true');
        const td = el('td', { className: c.className }, shown, el('span', { className: 'sr-only' }, c.spoken));
        td.dataset.state = c.className;
        return td;
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
  // Small multiples: one panel per series, titled with its name beside its colour.
  const picture = spec.panels
    ? el(
        'div',
        { className: 'panels' },
        ...spec.panels.map((panel, i) => {
          const swatch = el('span', { className: 'swatch' });
          swatch.style.background = seriesColour(panel.series[0]!, i);
          return el(
            'div',
            { className: 'panel' },
            el('p', { className: 'panel-title' }, swatch, panel.title),
            el('div', { className: 'canvas-box' }, canvasFor(panel)),
          );
        }),
      )
    : el('div', { className: 'canvas-box' }, canvasFor(spec));
  const figure = el(
    'figure',
    { className: 'chart' },
    el('figcaption', {}, spec.title),
    el('p', { className: 'summary' }, spec.summary),
    why === null ? picture : el('p', { className: 'no-chart' }, why),
    ...(spec.note ? [el('p', { className: 'note' }, spec.note)] : []),
    wrap,
  );
  return { figure, drawn: why === null };
}
