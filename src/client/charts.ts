// Chart.js, tree-shaken to the bar charts the site draws, without animation (performance-notes.md B.4).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartSpec } from '../charts/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
// The page's own font stack (system fonts with CJK coverage), so Chinese labels render at a readable size.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1d1d1f';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; the table says it in words. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

/** The series' colours and names under the canvas, as a list that wraps (the data table names them too). */
function legend(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  const list = Object.assign(document.createElement('ul'), { className: 'chart-legend' });
  list.setAttribute('aria-hidden', 'true');
  list.append(
    ...spec.series.map((s, i) => {
      const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
      swatch.style.background = PALETTE[i % PALETTE.length]!;
      const item = document.createElement('li');
      item.append(swatch, s.label);
      return item;
    }),
  );
  canvas.parentElement!.after(list);
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  legend(canvas, spec);
  const show = (v: number | string) => (spec.percent ? percent.format(Number(v)) : Number(v).toLocaleString('zh-CN'));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: PALETTE[i % PALETTE.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: spec.stacked },
        y: { stacked: spec.stacked, beginAtZero: true, ticks: { callback: show, precision: spec.percent ? undefined : 0 } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${c.raw === null ? '空白' : show(c.raw as number)}` } },
      },
    },
  });
}

/** Draws every server-rendered chart figure on the page. */
export function drawFigures(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    const canvas = figure.querySelector('canvas');
    if (canvas && !Chart.getChart(canvas)) drawChart(canvas, JSON.parse(figure.dataset.chart!) as ChartSpec);
  }
}
