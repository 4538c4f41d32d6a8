// Chart.js, tree-shaken to the bar charts the site draws, without animation (performance-notes.md B.4).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { stateOf, type ChartSpec } from '../charts/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
// The page's own font stack (system fonts with CJK coverage), so Chinese labels render at a readable size.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1d1d1f';

/**
 * Twelve colours that stay apart with a dozen series: Okabe–Ito's eight (distinguishable with the common
 * colour-vision deficiencies) without its yellow and black, then Paul Tol's muted scheme's darker six.
 * Beyond twelve they repeat; the legend and the data table name every series in words.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#332288', '#882255', '#117733', '#999933', '#AA4499', '#44AA99'];
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

/** Diagonal white stripes over the series colour: a flagged report's bar, told apart without colour. */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return colour;
  g.fillStyle = colour;
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = '#fff';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? colour;
}

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
      datasets: spec.series.map((s, i) => {
        const colour = PALETTE[i % PALETTE.length]!;
        return {
          label: s.label,
          data: s.values,
          backgroundColor: s.flagged?.some(Boolean) ? s.values.map((_, j) => (s.flagged?.[j] ? hatch(colour) : colour)) : colour,
          borderColor: colour,
          borderWidth: s.flagged?.some(Boolean) ? s.values.map((_, j) => (s.flagged?.[j] ? 1.5 : 0)) : 0,
        };
      }),
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
        // The legend is an HTML list under the chart (legend()): Chart.js's own cuts long names and drops entries.
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (c) => {
              const s = spec.series[c.datasetIndex]!;
              const state = stateOf(s, c.dataIndex);
              const text = state === 'number' ? show(c.raw as number) : state === 'unknown' ? '无法确定' : '空白';
              return `${c.dataset.label}：${text}${s.flagged?.[c.dataIndex] ? '（⚠ 该报告有未通过的检查、推断或无法确定的单元格）' : ''}`;
            },
          },
        },
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
