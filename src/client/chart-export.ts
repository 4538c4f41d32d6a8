// Every chart downloads as a picture (PNG), a vector drawing (SVG) and the CSV of its numbers, each stamped
// with its title, what the page shows, the source, the data's date and the page's full address, so that a
// chart published elsewhere still says where it came from. The picture is the page's own Chart.js chart
// drawn again at a fixed size: onto an offscreen canvas for PNG, and onto svgcanvas's SVG context (a
// maintained fork of canvas2svg that records canvas calls as SVG elements) for SVG.
import { Chart } from 'chart.js';
import { Element as SvgCanvas } from 'svgcanvas';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { chartCsv, marksLine, SOURCE_LINE, type ChartStamp } from '../charts/chart-csv.ts';
import { chartConfig, seriesColour } from './charts.ts';

const WIDTH = 1200;
const MARGIN = 32;
const CHART_HEIGHT = 480;
const PANEL = { width: 368, height: 250, gap: 16 };
const FONT = getComputedStyle(document.documentElement).fontFamily;

/** What the page's downloads are stamped with: its heading, the source, the data's date and its address now. */
export function pageStamp(): ChartStamp {
  return {
    page: document.title.split(' · ')[0] ?? document.title,
    source: SOURCE_LINE,
    built: document.body.dataset.built ?? '',
    address: location.href,
  };
}

/** A file name from the chart's title: Chinese kept, what a file system dislikes dropped. */
const fileName = (spec: ChartSpec, ext: string) => `${spec.title.replace(/[\\/:*?"<>|\s（）()，,]+/g, '-').replace(/^-|-$/g, '')}.${ext}`;

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Text {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  colour?: string;
}
interface Swatch {
  x: number;
  y: number;
  colour: string;
}
/** Where everything of the picture goes: the lines of text, the legend's swatches, the chart or its panels. */
interface Layout {
  width: number;
  height: number;
  texts: Text[];
  swatches: Swatch[];
  charts: { spec: ChartSpec; x: number; y: number; width: number; height: number }[];
}

const measure = document.createElement('canvas').getContext('2d')!;
/** `text` cut into lines no wider than `width` at this size (Chinese breaks anywhere). */
function wrap(text: string, size: number, width: number, bold = false): string[] {
  measure.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (measure.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

function layout(spec: ChartSpec, stamp: ChartStamp): Layout {
  const texts: Text[] = [];
  const swatches: Swatch[] = [];
  const inner = WIDTH - 2 * MARGIN;
  let y = MARGIN;
  const para = (text: string, size: number, opts: { bold?: boolean; colour?: string } = {}) => {
    for (const line of wrap(text, size, inner, opts.bold)) {
      y += size * 1.35;
      texts.push({ text: line, x: MARGIN, y, size, ...opts });
    }
  };
  para(spec.title, 26, { bold: true });
  para(stamp.page, 16, { colour: '#5b5b60' });
  y += 8;
  // The legend, when the chart has several series: a swatch and the name, wrapping as words do.
  if (!spec.panels && spec.series.length > 1) {
    let x = MARGIN;
    y += 22;
    measure.font = `15px ${FONT}`;
    spec.series.forEach((s, i) => {
      const w = 22 + measure.measureText(s.label).width + 20;
      if (x + w > WIDTH - MARGIN && x > MARGIN) {
        x = MARGIN;
        y += 22;
      }
      swatches.push({ x, y: y - 12, colour: seriesColour(s, i) });
      texts.push({ text: s.label, x: x + 20, y, size: 15 });
      x += w;
    });
    y += 8;
  }
  const charts: Layout['charts'] = [];
  if (spec.panels) {
    const columns = Math.min(3, spec.panels.length);
    spec.panels.forEach((panel, i) => {
      const [col, row] = [i % columns, Math.floor(i / columns)];
      const px = MARGIN + col * (PANEL.width + PANEL.gap);
      const py = y + 12 + row * (PANEL.height + 34 + PANEL.gap);
      texts.push({ text: panel.title, x: px + 20, y: py + 18, size: 15, bold: true });
      swatches.push({ x: px, y: py + 5, colour: seriesColour(panel.series[0]!, i) });
      charts.push({ spec: panel, x: px, y: py + 28, width: PANEL.width, height: PANEL.height });
    });
    y += 12 + Math.ceil(spec.panels.length / columns) * (PANEL.height + 34 + PANEL.gap);
  } else {
    charts.push({ spec, x: MARGIN, y: y + 8, width: inner, height: CHART_HEIGHT });
    y += CHART_HEIGHT + 16;
  }
  y += 8;
  for (const line of [spec.summary, spec.note, marksLine(spec)].filter((x): x is string => !!x)) para(line, 14, { colour: '#5b5b60' });
  y += 6;
  para(`${stamp.source}。数据生成于 ${stamp.built}。`, 14);
  para(stamp.address, 14, { colour: '#0b57a4' });
  return { width: WIDTH, height: Math.ceil(y + MARGIN), texts, swatches, charts };
}

/** Draws a chart with Chart.js onto `canvas` (a real one, or svgcanvas's) at its size (drawn at once: no animation), reads it, lets it go. */
function drawOnto<T>(canvas: HTMLCanvasElement, spec: ChartSpec, read: () => T, pixelRatio = 1): T {
  const chart = new Chart(canvas, chartConfig(spec, canvas.getContext('2d')!, true, pixelRatio));
  try {
    return read();
  } finally {
    chart.destroy();
  }
}

export async function pngBlob(spec: ChartSpec, stamp: ChartStamp, scale = 2): Promise<Blob> {
  const l = layout(spec, stamp);
  const canvas = Object.assign(document.createElement('canvas'), { width: l.width * scale, height: l.height * scale });
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, l.width, l.height);
  for (const c of l.charts) {
    // Laid out at the picture's size, drawn at `scale` times its pixels (Chart.js's devicePixelRatio).
    const part = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
    drawOnto(part, c.spec, () => g.drawImage(part, c.x, c.y, c.width, c.height), scale);
  }
  for (const s of l.swatches) {
    g.fillStyle = s.colour;
    g.fillRect(s.x, s.y, 14, 14);
  }
  for (const t of l.texts) {
    g.font = `${t.bold ? 'bold ' : ''}${t.size}px ${FONT}`;
    g.fillStyle = t.colour ?? '#1d1d1f';
    g.fillText(t.text, t.x, t.y);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

const xml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function svgText(spec: ChartSpec, stamp: ChartStamp): string {
  const l = layout(spec, stamp);
  const charts = l.charts.map((c) => {
    const svg = new SvgCanvas({ width: c.width, height: c.height }) as unknown as HTMLCanvasElement & { ctx: { getSerializedSvg(fix?: boolean): string } };
    // Each chart is an <svg> of its own, placed in the picture.
    return drawOnto(svg, c.spec, () => svg.ctx.getSerializedSvg(true)).replace(/^<svg /, `<svg x="${c.x}" y="${c.y}" `);
  });
  const texts = l.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y.toFixed(1)}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="${t.colour ?? '#1d1d1f'}">${xml(t.text)}</text>`,
  );
  const swatches = l.swatches.map((s) => `<rect x="${s.x}" y="${s.y}" width="14" height="14" fill="${s.colour}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="${xml(FONT)}">`,
    `<title>${xml(spec.title)}</title>`,
    `<desc>${xml(`${stamp.page}。${stamp.source}。数据生成于 ${stamp.built}。${stamp.address}`)}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...charts,
    ...swatches,
    ...texts,
    '</svg>',
  ].join('\n');
}

/** The figure's download buttons (once), under its chart. */
export function addDownloads(figure: HTMLElement, spec: ChartSpec): void {
  if (figure.querySelector('.chart-downloads')) return;
  const buttons = document.createElement('p');
  buttons.className = 'chart-downloads no-print';
  const button = (label: string, kind: string, run: () => void | Promise<void>) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.dataset.download = kind;
    b.addEventListener('click', () => void run());
    return b;
  };
  buttons.append(
    '下载本图：',
    button('图片（PNG）', 'png', async () => save(await pngBlob(spec, pageStamp()), fileName(spec, 'png'))),
    button('矢量图（SVG）', 'svg', () => save(new Blob([svgText(spec, pageStamp())], { type: 'image/svg+xml' }), fileName(spec, 'svg'))),
    button('数据（CSV）', 'csv', () => save(new Blob([chartCsv(spec, pageStamp())], { type: 'text/csv;charset=utf-8' }), fileName(spec, 'csv'))),
  );
  figure.append(buttons);
}
