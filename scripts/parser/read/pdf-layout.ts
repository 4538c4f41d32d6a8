// A PDF's positioned words → the parser's Document (document.ts): prose in reading order, and each table
// rebuilt from where its words stand. A table's rows come from its figures' lines, the label text beside
// them (a label wrapped over lines included) and its header lines; its columns from the drawn rules
// where the PDF has them, else from the columns the full rows line up in. A figure is put in a column
// only when its position says which; a row whose figures cannot be placed keeps them in printed order,
// and the template's arithmetic decides (solve.ts). Two figures are never joined into one. Page numbers
// and running headers and footers are left out, so a table crossing a page goes on.
import { UNREADABLE, type Block, type Document } from './document.ts';
import type { PdfFile, PdfPage, Rule, Word } from './pdf-pages.ts';

/** A figure as printed in a cell: a count, a signed change, an amount with its unit. */
const FIGURE = /^[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|亿元|件|个|项|条)?$/u;
/** A placeholder printed in a cell instead of a figure. */
const PLACEHOLDER = /^(?:[-－—–/／\\]+|无|不适用)$/u;

export function pdfDocument(file: PdfFile): Document {
  const furniture = runningLines(file.pages);
  const blocks: Block[] = [];
  const pageOfBlock: number[] = [];
  for (const page of file.pages) {
    const words = page.words.filter((w) => !furniture.has(w));
    for (const [i, block] of pageBlocks(page, words).entries()) {
      const last = blocks.at(-1);
      // Prose running on over the page break is one block.
      if (block.kind === 'text' && last?.kind === 'text') last.text += '\n' + block.text;
      else {
        if (i === 0 && block.kind === 'table' && last?.kind === 'table') continueRow(last.rows, block.rows);
        blocks.push(block);
        pageOfBlock.push(page.number);
      }
    }
  }
  return { blocks, pageTitle: file.title, pages: pageOfBlock };
}

/**
 * A table row broken by the page: the rest of its label opens the next page's part of the table, alone on its
 * line ("3.要求提供公开" | 0 … / "出版物"), before a row of figures. It goes back to the row it belongs to.
 */
function continueRow(before: string[][], after: string[][]): void {
  const last = before.at(-1);
  const rest = after[0];
  // The rest stands alone, or in its ruled cell with the row's figure cells empty on this page.
  const alone = rest.length === 1 || rest.slice(1).every((c) => c === '');
  if (!last || last.length < 2 || !alone || /\d/.test(rest[0]) || [...rest[0]].length > 20 || (after[1]?.length ?? 0) < 2) return;
  last[0] += rest[0];
  after.shift();
}

interface Line {
  words: Word[];
  top: number;
  bottom: number;
}

/** Words on one line: each joins the line its box overlaps by half its height (sizes may differ: a label beside larger figures). */
function linesOf(words: Word[]): Line[] {
  const lines: Line[] = [];
  for (const w of [...words].sort((a, b) => a.top + a.bottom - b.top - b.bottom)) {
    const line = lines.find((l) => overlap(l.top, l.bottom, w.top, w.bottom) >= 0.5 * Math.min(l.bottom - l.top, w.bottom - w.top));
    if (line) {
      line.words.push(w);
      line.top = Math.min(line.top, w.top);
      line.bottom = Math.max(line.bottom, w.bottom);
    } else lines.push({ words: [w], top: w.top, bottom: w.bottom });
  }
  for (const l of lines) l.words.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.top - b.top);
}

/** A figure's unit set apart from it ("46.8 万元"): part of the figure. */
const withUnit = (figure: Word, unit: Word) => FIGURE.test(figure.text) && /^(?:万元|元|亿元)$/u.test(unit.text);
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const textOf = (w: Word) => (w.garbled ? UNREADABLE : w.text);
/** A figure, or a word of a font without a character map short as a figure is (it may be one: it holds the place, never read). */
const isFigure = (w: Word) => FIGURE.test(w.text) || PLACEHOLDER.test(w.text) || (w.garbled && [...w.text].length <= 6);

/** A line's text: words joined, a space where they stand apart. */
function lineText(words: Word[]): string {
  let out = '';
  words.forEach((w, i) => {
    if (i && w.x0 - words[i - 1].x1 > 0.3 * Math.min(w.size, words[i - 1].size) && !withUnit(words[i - 1], w)) out += ' ';
    out += textOf(w);
  });
  return out;
}

/** Page numbers ("- 3 -", "第 3 页", "3/6") and lines repeated at the top or bottom of most pages (running headers and footers). */
const PAGE_NUMBER =
  /^(?:[-—–－]*\s*\d{1,4}\s*[-—–－]*|第\s*\d+\s*页(?:\s*(?:[/／,，]\s*)?共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d{1,4}\s*[/／]\s*\d{1,4})$/u;

function runningLines(pages: PdfPage[]): Set<Word> {
  const margins = pages.map((p) => linesOf(p.words).filter((l) => l.bottom < p.height * 0.08 || l.top > p.height * 0.92));
  const key = (l: Line) => lineText(l.words).replace(/\d+/g, '#').replace(/\s+/g, '');
  const count = new Map<string, number>();
  for (const lines of margins) for (const k of new Set(lines.map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  const out = new Set<Word>();
  for (const lines of margins)
    for (const l of lines)
      if (PAGE_NUMBER.test(lineText(l.words).trim()) || (pages.length > 1 && (count.get(key(l)) ?? 0) >= Math.max(2, pages.length / 2)))
        l.words.forEach((w) => out.add(w));
  return out;
}

interface Zone {
  top: number;
  bottom: number;
  words: Word[];
  rules: Rule[];
}

/** One page's blocks, top to bottom: prose lines, and tables (the areas inside rules, or lines of figures). */
function pageBlocks(page: PdfPage, words: Word[]): Block[] {
  const ruled = ruledZones(page.rules);
  const inZone = (w: Word) => ruled.find((z) => within(w, z));
  for (const w of words) inZone(w)?.words.push(w);
  const lines = linesOf(words.filter((w) => !inZone(w)));
  const zones: Zone[] = [...ruled, ...unruledZones(lines)];
  const taken = new Set(zones.flatMap((z) => z.words));
  const items: { top: number; block: Block }[] = [];
  const prose = lines.filter((l) => !l.words.some((w) => taken.has(w)));
  let run: Line[] = [];
  const flush = () => {
    if (run.length) items.push({ top: run[0].top, block: { kind: 'text', text: run.map((l) => lineText(l.words)).join('\n') } });
    run = [];
  };
  const sortedZones = zones.filter((z) => z.words.length).sort((a, b) => a.top - b.top);
  for (const line of prose) {
    // A table between two prose lines ends the prose block above it.
    if (run.length && sortedZones.some((z) => z.top > run.at(-1)!.top && z.top < line.top)) flush();
    run.push(line);
  }
  flush();
  for (const z of sortedZones) {
    const rows = zoneRows(z);
    if (rows.length) items.push({ top: z.top, block: { kind: 'table', rows } });
  }
  return items.sort((a, b) => a.top - b.top).map((i) => i.block);
}

const within = (w: Word, z: { top: number; bottom: number; x0?: number; x1?: number }) => {
  const cx = (w.x0 + w.x1) / 2;
  const cy = (w.top + w.bottom) / 2;
  return cy >= z.top - 1 && cy <= z.bottom + 1 && (z.x0 === undefined || (cx >= z.x0 - 1 && cx <= z.x1! + 1));
};

const horizontal = (r: Rule) => r.x1 - r.x0 > r.y1 - r.y0;

/** Tables drawn with rules: groups of touching rules with at least two horizontal and two vertical ones. */
function ruledZones(rules: Rule[]): (Zone & { x0: number; x1: number })[] {
  // Connected rules (touching within 2 pt), by union-find: a browser draws every cell's border apart.
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const touch = (a: Rule, b: Rule) => a.x0 <= b.x1 + 2 && b.x0 <= a.x1 + 2 && a.y0 <= b.y1 + 2 && b.y0 <= a.y1 + 2;
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touch(rules[i], rules[j])) parent[root(i)] = root(j);
  const groups = [...Map.groupBy(rules, (_, i) => root(i)).values()];
  return groups
    .filter((g) => g.filter(horizontal).length >= 2 && g.filter((r) => !horizontal(r)).length >= 2)
    .map((g) => ({
      x0: Math.min(...g.map((r) => r.x0)),
      x1: Math.max(...g.map((r) => r.x1)),
      top: Math.min(...g.map((r) => r.y0)),
      bottom: Math.max(...g.map((r) => r.y1)),
      words: [],
      rules: g,
    }))
    .filter((z) => z.x1 - z.x0 > 20 && z.bottom - z.top > 10);
}

/** A heading of the report's sections ("三、收到和处理…"): never part of a table. */
const HEADING = /^[一二三四五六七八九十]{1,2}\s*[、.．]/u;

/**
 * Tables without rules: runs of lines holding a figure apart from their text (or several figures), with
 * the short lines between and just above them (headers, captions, wrapped labels).
 */
function unruledZones(lines: Line[]): Zone[] {
  const figures = lines.map((l) => {
    const cells = lineCells(l.words);
    const figs = cells.filter((c) => c.every(isFigure) && c.length === 1);
    const apart = figs.some((c) => {
      const before = cells[cells.indexOf(c) - 1];
      return !before || c[0].x0 - before.at(-1)!.x1 > 1.5 * c[0].size;
    });
    return figs.length >= 2 || (figs.length === 1 && cells.length >= 2 && apart);
  });
  const textWidth = Math.max(1, ...lines.map((l) => l.words.at(-1)!.x1 - l.words[0].x0));
  const short = (l: Line) => {
    const text = lineText(l.words);
    return !HEADING.test(text.trim()) && (lineCells(l.words).length > 1 || l.words.at(-1)!.x1 - l.words[0].x0 < 0.6 * textWidth);
  };
  const zones: Zone[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!figures[i]) continue;
    let from = i;
    while (from > 0 && !figures[from - 1] && short(lines[from - 1]) && lines[from].top - lines[from - 1].bottom < 2.5 * (lines[from].bottom - lines[from].top))
      from--;
    let to = i;
    for (let j = i + 1; j < lines.length && lines[j].top - lines[j - 1].bottom < 2.5 * (lines[j - 1].bottom - lines[j - 1].top); j++) {
      if (figures[j]) to = j;
      else if (!short(lines[j])) break;
    }
    const zoneLines = lines.slice(from, to + 1);
    zones.push({ top: zoneLines[0].top, bottom: zoneLines.at(-1)!.bottom, words: zoneLines.flatMap((l) => l.words), rules: [] });
    i = to;
  }
  return zones;
}

/** A line's words grouped into cells: a gap wider than a character, or two figures side by side, parts cells. */
function lineCells(words: Word[]): Word[][] {
  const cells: Word[][] = [];
  for (const w of words) {
    const cell = cells.at(-1);
    const prev = cell?.at(-1);
    if (
      prev &&
      w.x0 - prev.x1 < 0.8 * Math.min(w.size, prev.size) &&
      !(isFigure(w) && isFigure(prev)) &&
      !(isFigure(w) && cell!.length > 0 && !isFigure(prev) && w.x0 - prev.x1 > 0.3 * w.size)
    )
      cell!.push(w);
    else cells.push([w]);
  }
  return cells;
}

interface Cell {
  words: Word[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  text: string;
  figure: boolean;
}

function cellOf(words: Word[]): Cell {
  const lines = linesOf(words);
  const text = lines.map((l) => lineText(l.words)).join('');
  const only = words.length === 1 || (words.length === 2 && withUnit(words[0], words[1])) ? words[0] : undefined;
  return {
    words,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.bottom)),
    text,
    figure: !!only && isFigure(only),
  };
}

/**
 * The zone's cells. Inside rules, a cell is what the rules around a word enclose (a wrapped label or a
 * header split over lines is one cell); without rules, words apart on a line are cells.
 */
function cellsOf(zone: Zone): Cell[] {
  const vertical = zone.rules.filter((r) => !horizontal(r));
  const across = zone.rules.filter(horizontal);
  if (vertical.length && across.length) {
    const groups = new Map<string, Word[]>();
    for (const w of zone.words) {
      const cx = (w.x0 + w.x1) / 2;
      const cy = (w.top + w.bottom) / 2;
      const left = Math.max(-Infinity, ...vertical.filter((r) => r.x1 <= cx + 0.5 && r.y0 <= cy && r.y1 >= cy).map((r) => r.x1));
      const right = Math.min(Infinity, ...vertical.filter((r) => r.x0 >= cx - 0.5 && r.y0 <= cy && r.y1 >= cy).map((r) => r.x0));
      const top = Math.max(-Infinity, ...across.filter((r) => r.y1 <= cy + 0.5 && r.x0 <= cx && r.x1 >= cx).map((r) => r.y1));
      const bottom = Math.min(Infinity, ...across.filter((r) => r.y0 >= cy - 0.5 && r.x0 <= cx && r.x1 >= cx).map((r) => r.y0));
      const key = `${left.toFixed(1)},${right.toFixed(1)},${top.toFixed(1)},${bottom.toFixed(1)}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(w);
    }
    // Two figures in one ruled cell are two figures (a rule the PDF did not draw): each its own cell.
    return [...groups.values()].flatMap((ws) =>
      ws.filter(isFigure).length > 1
        ? linesOf(ws)
            .flatMap((l) => lineCells(l.words))
            .map(cellOf)
        : [cellOf(ws)],
    );
  }
  return linesOf(zone.words).flatMap((l) => lineCells(l.words).map(cellOf));
}

interface Row {
  top: number;
  bottom: number;
  center: number;
  figures: Cell[];
  labels: Cell[];
}

/** The zone as table rows, top to bottom: header rows as their cells, figure rows as their label then their figures by column. */
function zoneRows(zone: Zone): string[][] {
  const cells = cellsOf(zone);
  const valueLeft = Math.min(...cells.filter((c) => c.figure).map((c) => c.x0));
  const bands = bandsOf(zone, valueLeft);
  if (bands.length >= 2) return bandRows(zone, cells, bands, valueLeft);
  const rows: Row[] = [];
  for (const c of cells.filter((c) => c.figure).sort((a, b) => a.top + a.bottom - b.top - b.bottom)) {
    const cy = (c.top + c.bottom) / 2;
    const row = rows.find((r) => cy >= r.top && cy <= r.bottom);
    if (row) {
      row.figures.push(c);
      row.top = Math.min(row.top, c.top);
      row.bottom = Math.max(row.bottom, c.bottom);
    } else rows.push({ top: c.top, bottom: c.bottom, center: cy, figures: [c], labels: [] });
  }
  rows.sort((a, b) => a.center - b.center);
  for (const r of rows) {
    r.figures.sort((a, b) => a.x0 - b.x0);
    r.center = (r.top + r.bottom) / 2;
  }
  const text = cells.filter((c) => !c.figure);
  // Header cells stand above figure columns; a label stands left of its row's figures, in its row's band.
  const figureLeft = (r: Row) => r.figures[0].x0;
  const nearest = (c: Cell) => {
    const cy = (c.top + c.bottom) / 2;
    return rows.reduce<Row | undefined>((best, r) => (!best || Math.abs(r.center - cy) < Math.abs(best.center - cy) ? r : best), undefined);
  };
  // A label touches its row's figures, or a line of its label that does (a label wrapped over lines);
  // a caption a line's gap away is not one.
  const candidates = new Map<Row, Cell[]>();
  const headers: Cell[] = [];
  for (const c of text) {
    const r = nearest(c);
    if (r && c.x1 <= figureLeft(r) + 1) (candidates.get(r) ?? candidates.set(r, []).get(r)!).push(c);
    else headers.push(c);
  }
  for (const [r, cs] of candidates) {
    let [top, bottom] = [r.top, r.bottom];
    for (let added = true; added;) {
      added = false;
      for (const c of cs) {
        // A label that starts a row ("1.属于…", "（三）…") wraps onto no other row: it is its own, touching its figures or not.
        const starts = ROW_START.test(c.text) && overlap(r.top, r.bottom, c.top, c.bottom) === 0;
        if (r.labels.includes(c) || starts || c.top - bottom > 0.7 * (c.bottom - c.top) || top - c.bottom > 0.7 * (c.bottom - c.top)) continue;
        r.labels.push(c);
        [top, bottom] = [Math.min(top, c.top), Math.max(bottom, c.bottom)];
        added = true;
      }
    }
    headers.push(...cs.filter((c) => !r.labels.includes(c)));
  }
  // A row label with no figure beside it (a row printed blank): its own row, its cells unknown, never another row's.
  const blankRows = headers.filter((h) => ROW_START.test(h.text) && rows.some((r) => h.x1 <= figureLeft(r) + 1));
  for (const h of blankRows) headers.splice(headers.indexOf(h), 1);
  // A label-column cell on a header's line ("信息内容" beside "本年处理决定数量") is part of the header.
  for (const r of rows)
    r.labels = r.labels.filter((c) => {
      const onHeader = headers.some(
        (h) =>
          overlap(h.top, h.bottom, c.top, c.bottom) >= 0.5 * Math.min(h.bottom - h.top, c.bottom - c.top) && overlap(r.top, r.bottom, c.top, c.bottom) === 0,
      );
      if (onHeader) headers.push(c);
      return !onHeader;
    });
  if (!zone.rules.length) stackHeaders(headers);
  // Header cells by the line their first word stands on (a header split over lines is one cell).
  const firstWord = new Map(headers.map((h) => [linesOf(h.words)[0].words[0], h]));
  const headerRows = linesOf(headers.flatMap((h) => h.words)).map((l) => {
    const own = l.words.flatMap((w) => firstWord.get(w) ?? []);
    return { top: l.top, cells: own.sort((a, b) => a.x0 - b.x0).map((h) => h.text) };
  });
  const out: { at: number; cells: string[] }[] = headerRows.filter((h) => h.cells.length).map((h) => ({ at: h.top, cells: h.cells }));
  rows.forEach((r, k) => {
    const labels = r.labels.sort((a, b) => a.x0 - b.x0 || a.top - b.top);
    const label = labels.map((c) => c.text).join('');
    out.push({ at: r.top, cells: [...(label ? [label] : []), ...placed(r, zone, rows, k, headers)] });
  });
  for (const h of blankRows) out.push({ at: h.top, cells: [h.text] });
  return out.sort((a, b) => a.at - b.at).map((o) => o.cells);
}

/** A label that starts a table row: "一、", "（三）", "1." (table 三's rows all do). */
const ROW_START = /^(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.．、](?!\d))/u;

/**
 * The row bands of a ruled zone: between consecutive horizontal rules that cross the figure columns (rules
 * within 1.5 pt are one; a rule under a merged label cell alone parts no row), from the zone's top to its bottom.
 */
function bandsOf(zone: Zone, valueLeft: number): [number, number][] {
  if (!zone.rules.some((r) => !horizontal(r)) || !Number.isFinite(valueLeft)) return [];
  // The zone's own top and bottom too: a row a page break cut has no rule on its open side.
  const ys = [zone.top, zone.bottom, ...zone.rules.filter((r) => horizontal(r) && r.x1 > valueLeft + 1).map((r) => (r.y0 + r.y1) / 2)]
    .sort((a, b) => a - b)
    .filter((y, i, all) => i === 0 || y - all[i - 1] > 1.5);
  return ys
    .slice(1)
    .map((y, i) => [ys[i], y] as [number, number])
    .filter(([a, b]) => b - a > 3);
}

/**
 * A ruled table's rows, one per band between horizontal rules: a band with text over the figure columns is
 * a header; any other band is a row, its label the text left of the figures (a label spanning several
 * bands, a group's, goes with its first), its figures placed between the vertical rules, a band with a
 * label and no figure a row printed blank.
 */
function bandRows(zone: Zone, cells: Cell[], bands: [number, number][], valueLeft: number): string[][] {
  const bandOf = (y: number) => bands.findIndex(([a, b]) => y >= a - 0.5 && y <= b + 0.5);
  const rows = bands.map(([top, bottom]) => ({ top, bottom, center: (top + bottom) / 2, figures: [] as Cell[], labels: [] as Cell[], header: [] as Cell[] }));
  for (const c of cells) {
    const first = bandOf(c.top + 0.5);
    const row = rows[first >= 0 ? first : bandOf((c.top + c.bottom) / 2)];
    if (!row) continue;
    if (c.figure) rows[bandOf((c.top + c.bottom) / 2)]?.figures.push(c);
    else if (c.x1 <= valueLeft + 1) row.labels.push(c);
    else row.header.push(c);
  }
  const out: string[][] = [];
  rows.forEach((r, k) => {
    if (r.header.length || (!r.figures.length && !r.labels.length)) {
      const header = [...r.labels, ...r.header].sort((a, b) => a.x0 - b.x0);
      if (header.length) out.push(header.map((c) => c.text));
      return;
    }
    r.figures.sort((a, b) => a.x0 - b.x0);
    const label = r.labels
      .sort((a, b) => a.x0 - b.x0 || a.top - b.top)
      .map((c) => c.text)
      .join('');
    const values = r.figures.length ? placed(r, zone, rows, k, []) : (columnsFromRules(r, zone)?.spans.map(() => '') ?? []);
    out.push([...(label ? [label] : []), ...values]);
  });
  return out;
}

/**
 * Header words stacked in one column of an unruled table ("结果" over "维持", "商业" over "企业"): one cell.
 * Stacked means the same left edge or the same centre, a similar width, less than a line's gap apart.
 */
function stackHeaders(headers: Cell[]): void {
  for (let i = 0; i < headers.length; i++) {
    const a = headers[i];
    const b = headers.find(
      (c) =>
        c !== a &&
        c.top > a.top &&
        c.top - a.bottom < 0.9 * (a.bottom - a.top) &&
        (Math.abs(c.x0 - a.x0) < 1 || Math.abs(c.x0 + c.x1 - a.x0 - a.x1) < 2) &&
        c.x1 - c.x0 <= 1.6 * (a.x1 - a.x0) &&
        a.x1 - a.x0 <= 1.6 * (c.x1 - c.x0),
    );
    if (!b) continue;
    headers.splice(headers.indexOf(b), 1);
    headers[i] = cellOf([...a.words, ...b.words]);
    i--;
  }
}

/** Where a row's figures may stand: each column's span, measured at each figure's centre or right edge. */
interface Columns {
  at: (c: Cell) => number;
  spans: [number, number][];
}
const centre = (c: Cell) => (c.x0 + c.x1) / 2;

/** A row's figures in their columns, "" for a column left blank; or the figures alone, in order, when columns cannot be told. */
function placed(row: Row, zone: Zone, rows: Row[], k: number, headers: Cell[]): string[] {
  const texts = row.figures.map((c) => c.text);
  const columns = columnsFromRules(row, zone) ?? columnsFromRows(row, rows, k) ?? columnsFromHeader(row, rows, headers);
  if (!columns) return texts;
  const out = columns.spans.map(() => '');
  let last = -1;
  for (const c of row.figures) {
    const x = columns.at(c);
    const at = columns.spans.findIndex(([x0, x1]) => x >= x0 && x <= x1);
    if (at <= last) return texts;
    out[at] = c.text;
    last = at;
  }
  return out;
}

/** The value columns of a ruled row: between the vertical rules crossing it, right of its label. */
function columnsFromRules(row: Row, zone: Zone): Columns | undefined {
  const xs = zone.rules
    .filter((r) => !horizontal(r) && r.y0 <= row.center && r.y1 >= row.center)
    .map((r) => (r.x0 + r.x1) / 2)
    .sort((a, b) => a - b)
    .filter((x, i, all) => i === 0 || x - all[i - 1] > 2);
  const labelEnd = Math.max(-Infinity, ...row.labels.map((c) => c.x1));
  const spans: [number, number][] = [];
  for (let i = 1; i < xs.length; i++) if (xs[i - 1] >= labelEnd - 1) spans.push([xs[i - 1], xs[i]]);
  return spans.length && spans.length <= 20 ? { at: centre, spans } : undefined;
}

/**
 * The columns of an unruled row under a header line whose cells stand over its figures ("信息内容 | 上一年项目数量
 * | 本年增/减 | 处理决定数量" over "行政强制 | 0 | | 0"): each header cell's width, half a character more each side,
 * when no fuller row stands between them.
 */
function columnsFromHeader(row: Row, rows: Row[], headers: Cell[]): Columns | undefined {
  const labelEnd = Math.max(-Infinity, ...row.labels.map((c) => c.x1));
  const above = headers.filter((h) => h.bottom <= row.top && h.x0 >= labelEnd - 1);
  if (!above.length) return undefined;
  const lowest = Math.max(...above.map((h) => h.bottom));
  const line = above.filter((h) => lowest - h.bottom < 0.5 * (h.bottom - h.top)).sort((a, b) => a.x0 - b.x0);
  if (line.length <= row.figures.length || rows.some((r) => r.top > lowest && r.top < row.top && r.figures.length > line.length)) return undefined;
  const size = row.figures[0].words[0].size;
  const spans = line.map((h) => [h.x0 - size / 2, h.x1 + size / 2] as [number, number]);
  if (spans.some((s, i) => i && s[0] <= spans[i - 1][1])) return undefined;
  return { at: centre, spans };
}

/**
 * The columns of an unruled row that printed fewer figures than the rows around it: where the two or three
 * nearest fuller rows (no header between) agree their figures stand, right-aligned or centred; a figure
 * belongs to a column when it stands within a third of the gap to the next.
 */
function columnsFromRows(row: Row, rows: Row[], k: number): Columns | undefined {
  const n = row.figures.length;
  const size = row.figures[0].words[0].size;
  for (const step of [-1, 1]) {
    const near: Row[] = [];
    for (let j = k + step; j >= 0 && j < rows.length && near.length < 3; j += step) {
      if (rows[j].figures.length <= n || (near.length && rows[j].figures.length !== near[0].figures.length)) break;
      near.push(rows[j]);
    }
    if (near.length < 2) continue;
    for (const at of [(c: Cell) => c.x1, centre]) {
      const columns = near[0].figures.map((_, i) => near.map((r) => at(r.figures[i])));
      if (!columns.every((col) => Math.max(...col) - Math.min(...col) <= 0.4 * size)) continue;
      const xs = columns.map((col) => col[0]);
      const gap = Math.min(...xs.slice(1).map((x, i) => x - xs[i]));
      if (gap < 1.5 * size) return undefined;
      return { at, spans: xs.map((x) => [x - gap / 3, x + gap / 3] as [number, number]) };
    }
  }
  return undefined;
}
