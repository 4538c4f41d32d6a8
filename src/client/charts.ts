// Chart.js, tree-shaken to the bar and line charts the site draws, without animation (performance-notes.md
// B.4). One configuration serves the page's canvas and the downloads (src/client/chart-export.ts), which draw
// the same chart onto an offscreen canvas (PNG) or an SVG context (SVG).
import {
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { stateOf, type ChartSpec, type Series } from '../charts/chart-spec.ts';
import { MARKS } from '../../model/marks.ts';
import { colourAt } from '../charts/palette.ts';
import { addDownloads } from './chart-export.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);
// The page's own font stack (system fonts with CJK coverage), so Chinese labels render at a readable size.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1d1d1f';

const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

/** A series' colour: its agency's when it has one, else the palette's by position. */
export const seriesColour = (s: Series, i: number) => s.colour ?? colourAt(i);

/** Diagonal white stripes over the colour, drawn by `ctx` (an SVG context makes its own pattern): a flagged bar, told apart without colour. */
function hatch(colour: string, ctx: CanvasRenderingContext2D): CanvasPattern | string {
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
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

/** The series' colours and names under the canvas, as a list that wraps outside the chart (the data table names them too). */
function legend(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  // One series (a panel) is named by the panel's title; bars coloured per agency are named on the axis.
  if (spec.series.length < 2 && !spec.series[0]?.colours) return;
  const list = Object.assign(document.createElement('ul'), { className: 'chart-legend' });
  list.setAttribute('aria-hidden', 'true');
  const entries = spec.series.map((s, i) => ({ label: s.label, colour: seriesColour(s, i) }));
  list.append(
    ...entries.map(({ label, colour }) => {
      const swatch = Object.assign(document.createElement('span'), { className: spec.kind === 'line' ? 'swatch line' : 'swatch' });
      swatch.style.background = colour;
      const item = document.createElement('li');
      item.append(swatch, label);
      return item;
    }),
  );
  canvas.parentElement!.after(list);
}

/** What a value reads in a tooltip, with its mark. */
function valueWords(spec: ChartSpec, s: Series, i: number): string {
  const state = stateOf(s, i);
  const v = s.values[i]!;
  if (state !== 'number') return { blank: '空白', unknown: '无法确定', absent: '无报告', withheld: '⚠ 不计算（分母与报告自身数字矛盾）' }[state];
  const shown = spec.percent ? percent.format(v) : v.toLocaleString('zh-CN');
  if (s.flagged?.[i]) return `⚠ ${shown}${s.notes?.[i] ?? ''}（${MARKS.failed.name}）`;
  return s.cut?.[i] ? `${shown}（${MARKS.cut.name}）` : shown;
}

/**
 * The Chart.js configuration of a spec, for `ctx` (the page's canvas, or an export's). `forExport` draws on a
 * fixed size without a browser around it (Chart.js's BasicPlatform: no resizing, no events).
 */
export function chartConfig(spec: ChartSpec, ctx: CanvasRenderingContext2D, forExport = false, pixelRatio = 1): ChartConfiguration {
  const show = (v: number | string) => (spec.percent ? percent.format(Number(v)) : Number(v).toLocaleString('zh-CN'));
  const line = spec.kind === 'line';
  return {
    type: line ? 'line' : 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => {
        const colour = seriesColour(s, i);
        const colours = s.values.map((_, j) => s.colours?.[j] ?? colour);
        const flagged = s.flagged?.some(Boolean) ?? false;
        return line
          ? {
              label: s.label,
              data: s.values,
              borderColor: colour,
              backgroundColor: colour,
              borderWidth: 2,
              // A contradicted value is a hollow triangle on the line: marked without colour, as ⚠ in the table.
              pointStyle: s.values.map((_, j) => (s.flagged?.[j] ? 'triangle' : 'circle')),
              pointRadius: s.values.map((_, j) => (s.flagged?.[j] ? 7 : 3.5)),
              pointBackgroundColor: s.values.map((_, j) => (s.flagged?.[j] ? '#fff' : colour)),
              pointBorderWidth: s.values.map((_, j) => (s.flagged?.[j] ? 2.5 : 1)),
              // A year without a number (blank, unknown, no report) is a gap, never a line through it.
              spanGaps: false,
              // Segment options make Chart.js draw the line call by call instead of through a cached Path2D,
              // which an SVG context (the SVG download) cannot replay.
              segment: {},
            }
          : {
              label: s.label,
              data: s.values,
              backgroundColor: flagged ? colours.map((c, j) => (s.flagged?.[j] ? hatch(c, ctx) : c)) : colours,
              borderColor: colours,
              borderWidth: flagged ? s.values.map((_, j) => (s.flagged?.[j] ? 1.5 : 0)) : 0,
            };
      }),
    },
    options: {
      animation: false,
      responsive: !forExport,
      maintainAspectRatio: false,
      devicePixelRatio: forExport ? pixelRatio : undefined,
      events: forExport ? [] : undefined,
      scales: {
        // Years read level; those that do not fit are skipped rather than turned on their side.
        x: { stacked: spec.stacked, ...(line && { ticks: { maxRotation: 0, autoSkipPadding: 6 } }) },
        y: { stacked: spec.stacked, beginAtZero: true, suggestedMax: spec.max, ticks: { callback: show, precision: spec.percent ? undefined : 0 } },
      },
      plugins: {
        // The legend is an HTML list under the chart (legend()): Chart.js's own takes the chart's room on a phone.
        legend: { display: false },
        tooltip: {
          enabled: !forExport,
          callbacks: { label: (c) => `${c.dataset.label}：${valueWords(spec, spec.series[c.datasetIndex]!, c.dataIndex)}` },
        },
      },
    },
    ...(forExport && { platform: BasicPlatform }),
  } as ChartConfiguration;
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  legend(canvas, spec);
  return new Chart(canvas, chartConfig(spec, canvas.getContext('2d')!));
}

/** Draws a figure: its chart, or its panels (small multiples), and offers its downloads. */
export function drawFigure(figure: HTMLElement, spec: ChartSpec): void {
  const canvases = [...figure.querySelectorAll<HTMLCanvasElement>('canvas')];
  const specs = spec.panels ?? [spec];
  canvases.forEach((canvas, i) => {
    if (!Chart.getChart(canvas) && specs[i]) drawChart(canvas, specs[i]!);
  });
  addDownloads(figure, spec);
}

/** Draws every server-rendered chart figure on the page. */
export function drawFigures(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) drawFigure(figure, JSON.parse(figure.dataset.chart!) as ChartSpec);
}

export { Chart };
