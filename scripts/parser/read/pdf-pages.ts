// A PDF's pages as positioned words and drawn rules, read with Mozilla's pdf.js (pdfjs-dist, its legacy
// build for Node: every text run with its position and font, and the page's drawing operators). Pages
// turned sideways (a /Rotate entry or a landscape table drawn rotated) are turned upright. A PDF that
// cannot be read is refused with a reason in Chinese and what to do: no text layer (a scan), a password,
// a damaged or truncated file, too many pages.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, InvalidPDFException, OPS, PasswordException, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';
import { InputError } from './input-error.ts';

/** A report runs to a few dozen pages; far longer is not one, and reading it would hold up the build. */
export const MAX_PAGES = 100;
/**
 * CPU time a PDF may take to read (this thread's, which a busy machine barely inflates): a report takes
 * 50–150 ms a page, and the first one a thread reads up to 0.5 s more (pdf.js compiles, loads its character
 * maps); a damaged file can make pdf.js lex the rest of it again for every object it repairs (seconds for a
 * few hundred KB). Checked between pdf.js's calls, so one call may run past it; the build's budget per file
 * (scripts/stage/pool.ts) stays the last guard.
 */
const CPU_MS = { file: 900, page: 100 };
/** Fewer visible characters than this in the whole file: no text layer (a scan, or pictures of pages). */
const MIN_TEXT = 20;

/** One word (text between spaces) as printed, in points from the page's top left, the page upright. */
export interface Word {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** The font size. */
  size: number;
  /**
   * The font has no usable character map (a subset font without ToUnicode): the text pdf.js gives is
   * glyph numbers, not characters. Such words are never read (pdf-layout.ts marks them).
   */
  garbled: boolean;
}

/** A drawn line (or a thin filled rectangle): a table's rule, horizontal or vertical. */
export interface Rule {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  words: Word[];
  rules: Rule[];
}

export interface PdfFile {
  pages: PdfPage[];
  /** The document's own title (its metadata), if any. */
  title?: string;
}

/**
 * Radicals a font shares its glyph with, put in a character map for the ideograph (browsers' PDFs map 民 to
 * ⺠ U+2EA0 and 工 to ⼯ U+2F2F): the ideograph. Kangxi radicals and compatibility ideographs by NFKC, the CJK
 * radicals supplement by Unicode's equivalent unified ideographs (EquivalentUnifiedIdeograph.txt).
 */
const RADICALS = new Map(
  [
    ...'⺠民⻅见⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟⻄西⻆角⻉贝⺟母⺩王⺫目⺬示⻁虎⺝月⺜日⺗心⺧牛⺶羊⻗雨⻊足⺁厂⺊卜⺌小⺄乙⺒巳⺓幺⻈讠⻐钅⻠饣⺰纟⻖阝⺅亻⺉刂⺡氵⺘扌⺖忄⺨犭⺾艹⻌辶⻂衤⺭礻⺙攵⺣灬⺦丬⻧卤⻪黾⺢氺⺤爫⺱罓⺲罒⺹耂⺺肀⺻聿⺼肉⻃覀⺆冂',
  ].flatMap((ch, i, all) => (i % 2 ? [] : [[ch, all[i + 1]]])),
);
const ideographs = (text: string) =>
  /[\u2e80-\u2fdf\uf900-\ufaff]/u.test(text) ? text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/gu, (ch) => RADICALS.get(ch) ?? ch.normalize('NFKC')) : text;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A token of text: a number with its unit, a placeholder, or anything between spaces. */
const SPACE = /\s+/u;

export async function readPdfPages(bytes: Uint8Array, cpuMs = CPU_MS): Promise<PdfFile> {
  checkEnvelope(bytes);
  const cpu = process.threadCpuUsage();
  // pdf.js may take the buffer it is given: it gets a copy, the caller's bytes are hashed afterwards.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    // Words and rules only: no pictures decoded, no fonts handed to a renderer, no scripts.
    maxImageSize: 1,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw refusal(error);
    });
    if (doc.numPages > MAX_PAGES) {
      throw new InputError(
        `PDF 共 ${doc.numPages} 页，超过 nianbao 读取的上限 ${MAX_PAGES} 页（年度报告一般只有十几页）：请确认是否放错了文件，或只放入年度报告本身。`,
      );
    }
    const budget = cpuMs.file + cpuMs.page * doc.numPages;
    const withinBudget = () => {
      const used = process.threadCpuUsage(cpu);
      const ms = (used.user + used.system) / 1000;
      if (ms > budget)
        throw new InputError(
          `PDF 结构异常：读取用时超出限度（${doc.numPages} 页的文件已用 ${(ms / 1000).toFixed(1)} 秒计算时间，正常的报告每页不到 0.2 秒），文件可能已损坏。请重新下载原文件，或提供报告的网页、Word 原文。`,
        );
    };
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const pages: PdfPage[] = [];
    const read: { page: Page; matrix: Matrix }[] = [];
    const fonts = new Map<string, FontText>();
    const failed = (n: number) => (error: unknown) => {
      throw refusal(error, n);
    };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n).catch(failed(n));
      withinBudget();
      const { words, matrix, width, height } = await readPage(page, fonts).catch(failed(n));
      withinBudget();
      pages.push({ number: n, width, height, words, rules: [] });
      read.push({ page, matrix });
    }
    const garbled = new Set([...fonts].filter(([, f]) => f.garbled()).map(([name]) => name));
    for (const page of pages) for (const word of page.words) word.garbled = garbled.has((word as FontWord).font);
    // Rules are read only on pages with figures (or words that may be figures) or a table's words (a table
    // printed blank has few figures): drawing operators cost more than text.
    for (const [i, page] of pages.entries()) {
      const figures = page.words.filter((w) => FIGURE.test(w.text) || (w.garbled && [...w.text].length <= 6)).length;
      if (figures >= 2 || page.words.some((w) => TABLE_WORDS.test(w.text))) page.rules = await rulesOf(read[i].page, read[i].matrix).catch(failed(page.number));
      withinBudget();
      read[i].page.cleanup();
    }
    const visible = pages.reduce((n, p) => n + p.words.reduce((m, w) => m + w.text.length, 0), 0);
    if (visible < MIN_TEXT) {
      throw new InputError(
        '扫描件，没有文字层：这个 PDF 的页面是图片，没有可读取的文字。请提供有文字的 PDF（由 Word、WPS 导出或从网页打印），或报告的网页、Word 原文；也可以先用 OCR 软件识别成文字，核对后再放入。',
      );
    }
    const title = typeof info?.Title === 'string' && /(?:19|20)\d{2}/.test(info.Title) && /报告|年报/.test(info.Title) ? info.Title : undefined;
    return { pages, title };
  } finally {
    await task.destroy();
  }
}

const FIGURE = /^[+-]?\d[\d,]*(?:\.\d+)?$/;
/** Words only the statistics tables print (their captions, headers and row labels). */
const TABLE_WORDS = /第二十条|信息内容|申请人情况|予以公开|不予公开|无法提供|不予处理|其他处理|结果维持|尚未审结|结转|^\d{1,2}[.．、]\D/u;

/** A file that is not a PDF, or one cut short (no end-of-file mark at its end), is refused before pdf.js. */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError('文件扩展名是 .pdf，但内容不是 PDF 文件（开头没有 %PDF- 标记）：请检查是否下载完整、是否放错了文件。');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new InputError('PDF 文件已损坏：文件不完整（结尾缺少 %%EOF 标记，可能没有下载完）。请重新下载原文件后再放入。');
  }
  if (deepestArrayRun(bytes) >= MAX_NESTING) {
    throw new InputError(
      `PDF 文件已损坏：文件中有连续 ${MAX_NESTING} 个以上的“[”（数组嵌套过深），不是正常导出的 PDF。请重新下载原文件，或提供报告的网页、Word 原文。`,
    );
  }
}

/**
 * No report's PDF nests arrays more than a few deep; a run of this many `[` is damage, and pdf.js would
 * parse the rest of the file again at every level of it (seconds for a few hundred KB).
 */
const MAX_NESTING = 64;

/** The longest run of `[` in the file, whitespace between them allowed. */
function deepestArrayRun(bytes: Uint8Array): number {
  let run = 0;
  let longest = 0;
  for (const b of bytes) {
    if (b === 0x5b) longest = Math.max(longest, ++run);
    else if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) run = 0;
  }
  return longest;
}

/**
 * pdf.js (6.5) fetches every kid of the page tree while looking for one page and never awaits the rest: a
 * damaged page nobody asked for rejects with no listener, and Node ends the thread on that. Such a rejection
 * is harmless (the page asked for answers by itself), so it is dropped; any other still ends the process.
 * Installed when this module loads, which is when the first PDF is read (read.ts).
 */
process.on('unhandledRejection', (reason) => {
  if (reason instanceof Error && reason.stack?.includes('pdfjs-dist')) return;
  throw reason;
});

/** pdf.js's error as a refusal in Chinese (every failure to open or read a page is the file's). */
function refusal(error: unknown, page?: number): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof PasswordException) {
    return new InputError('PDF 已加密，需要密码才能打开：nianbao 无法读取。请向发布机关索取未加密的版本，或提供报告的网页、Word 原文。');
  }
  const what = error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : String(error).slice(0, 120);
  const where = page ? `第 ${page} 页` : '文件结构';
  const kind = error instanceof InvalidPDFException ? '不是有效的 PDF' : '已损坏';
  return new InputError(`PDF ${kind}：${where}无法读取（${what}）。请重新下载原文件，或提供报告的网页、Word 原文。`);
}

interface FontWord extends Word {
  font: string;
}

/** Characters one font gave across the document: glyph numbers show as characters no report prints. */
class FontText {
  chars = 0;
  odd = 0;
  broken = 0;
  add(text: string) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x20) continue;
      this.chars++;
      if (BROKEN(cp)) this.broken++;
      else if (!PRINTED(cp)) this.odd++;
    }
  }
  /** Any control, private-use or replacement character, or more than a few characters outside what reports print. */
  garbled = () => this.broken > 0 || this.odd > Math.max(1, this.chars * 0.1);
}

/** Never printed text: controls (glyph numbers below 32), private use (unmapped glyphs), U+FFFD. */
const BROKEN = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || cp >= 0xf0000;
/** What a Chinese report prints: CJK, its punctuation and full-width forms, Latin, common symbols. */
const PRINTED = (cp: number) =>
  (cp >= 0x20 && cp <= 0xff) ||
  (cp >= 0x2000 && cp <= 0x21ff) ||
  [0x2212, 0x2236, 0x2248, 0x2260, 0x2264, 0x2265, 0x221a, 0x2211, 0x2234, 0x2235, 0x2605, 0x2606, 0x2610, 0x2611, 0x2612].includes(cp) ||
  (cp >= 0x2460 && cp <= 0x24ff) ||
  (cp >= 0x2500 && cp <= 0x25ff) ||
  (cp >= 0x3000 && cp <= 0x303f) ||
  (cp >= 0x3200 && cp <= 0x33ff) ||
  (cp >= 0x4e00 && cp <= 0x9fff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xffef);

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;
type Matrix = number[];

/** The transform that turns the page upright: its /Rotate (the viewport), then the direction most of its text runs in. */
function uprightOf(page: Page, items: { transform: Matrix; str: string }[]): { matrix: Matrix; width: number; height: number } {
  const viewport = page.getViewport({ scale: 1 });
  const votes = [0, 0, 0, 0];
  for (const item of items) {
    const [a, b] = Util.transform(viewport.transform, item.transform);
    votes[(Math.round(Math.atan2(b, a) / (Math.PI / 2)) + 4) % 4] += item.str.length;
  }
  const turn = votes.indexOf(Math.max(...votes));
  const { width, height } = viewport;
  // Turn the device space back by `turn` quarter turns, keeping the page in the positive quadrant.
  const back: Matrix[] = [
    [1, 0, 0, 1, 0, 0],
    [0, -1, 1, 0, 0, width],
    [-1, 0, 0, -1, width, height],
    [0, 1, -1, 0, height, 0],
  ];
  return { matrix: Util.transform(back[turn], viewport.transform), width: turn % 2 ? height : width, height: turn % 2 ? width : height };
}

async function readPage(page: Page, fonts: Map<string, FontText>): Promise<{ words: FontWord[]; matrix: Matrix; width: number; height: number }> {
  const content = await page.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i && !!i.str.trim());
  for (const item of items) item.str = ideographs(item.str);
  const { matrix, width, height } = uprightOf(page, items);
  const words: FontWord[] = [];
  for (const item of items) {
    const style = content.styles[item.fontName];
    const font = (fonts.get(item.fontName) ?? fonts.set(item.fontName, new FontText()).get(item.fontName))!;
    font.add(item.str);
    const [a, b, c, d, e, f] = Util.transform(matrix, item.transform);
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    const ascent = style?.ascent && style.ascent > 0.5 && style.ascent < 1.2 ? style.ascent : 0.88;
    if (style?.vertical) {
      // Vertical writing (a label set downwards in a tall merged cell): one word, its column of characters.
      words.push({
        text: item.str.replace(/\s+/g, ''),
        x0: e - size / 2,
        x1: e + size / 2,
        top: f,
        bottom: f + (item.height || size),
        size,
        garbled: false,
        font: item.fontName,
      });
      continue;
    }
    const across = Math.hypot(a, b) > 0 && Math.abs(b) < Math.abs(a) * 0.05;
    if (!across) {
      // Text at an angle to the page's lines (a stamp, a turned header cell): its box, as one word.
      const x = [e, e + (item.width * a) / (Math.hypot(a, b) || 1)];
      const y = [f, f + (item.width * b) / (Math.hypot(a, b) || 1)];
      words.push({
        text: item.str.replace(/\s+/g, ''),
        x0: Math.min(...x),
        x1: Math.max(...x),
        top: Math.min(...y) - size,
        bottom: Math.max(...y),
        size,
        garbled: false,
        font: item.fontName,
      });
      continue;
    }
    const sign = Math.sign(a);
    const length = item.width * (Math.hypot(a, b) / (Math.hypot(item.transform[0], item.transform[1]) || 1));
    for (const [text, from, to] of splitWords(item.str)) {
      const x0 = e + sign * length * from;
      const x1 = e + sign * length * to;
      words.push({
        text,
        x0: Math.min(x0, x1),
        x1: Math.max(x0, x1),
        top: f - ascent * size,
        bottom: f + 0.12 * size,
        size,
        garbled: false,
        font: item.fontName,
      });
    }
  }
  return { words, matrix, width, height };
}

/** The words of a text run and where each starts and ends, as a share of the run's width (CJK characters count double). */
function splitWords(text: string): [string, number, number][] {
  const weight = (ch: string) => (/[\s]/u.test(ch) ? 0.5 : ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55);
  const total = [...text].reduce((s, ch) => s + weight(ch), 0) || 1;
  const out: [string, number, number][] = [];
  let at = 0;
  for (const part of text.split(/(\s+)/u)) {
    const w = [...part].reduce((s, ch) => s + weight(ch), 0);
    if (part && !SPACE.test(part)) out.push([part, at / total, (at + w) / total]);
    at += w;
  }
  return out;
}

/** The page's drawn rules: stroked lines, the edges of stroked rectangles and thin filled rectangles, upright. */
async function rulesOf(page: Page, matrix: Matrix): Promise<Rule[]> {
  const ops = await page.getOperatorList({ annotationMode: 0 });
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const point = (x: number, y: number): [number, number] => {
    const m = Util.transform(matrix, ctm);
    return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
  };
  const segment = (p: [number, number], q: [number, number], thickness: number) => {
    const [x0, x1] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
    const [y0, y1] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
    const t = Math.max(thickness, 0.1) / 2;
    if (y1 - y0 < 1 && x1 - x0 >= 3) rules.push({ x0, x1, y0: y0 - t, y1: y1 + t });
    else if (x1 - x0 < 1 && y1 - y0 >= 3) rules.push({ x0: x0 - t, x1: x1 + t, y0, y1 });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = Util.transform(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.setLineWidth) lineWidth = Number(args[0]) || 0;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as (Float32Array | null)[])?.[0];
      if (!data || paint === OPS.endPath) continue;
      const stroked = [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
      const scale = Math.hypot(ctm[0], ctm[1]) || 1;
      for (const path of subpaths(data)) {
        const pts = path.map(([x, y]) => point(x, y));
        if (stroked) for (let k = 1; k < pts.length; k++) segment(pts[k - 1], pts[k], lineWidth * scale);
        else if (pts.length >= 4) {
          // A filled rectangle thinner than 3 pt is a rule drawn as a rectangle (Word, WPS, browsers).
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [w, h] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
          if (h < 3 && w >= 3) rules.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
          else if (w < 3 && h >= 3) rules.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
        }
      }
    }
  }
  return rules;
}

/** Straight-line subpaths of pdf.js's path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). */
function subpaths(data: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let path: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i];
    if (op === 0) {
      if (path.length > 1) out.push(path);
      path = [[data[i + 1], data[i + 2]]];
      i += 3;
    } else if (op === 1) {
      path.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === 2) {
      // A curve is no rule: its end point starts the next straight piece.
      if (path.length > 1) out.push(path);
      path = [[data[i + 5], data[i + 6]]];
      i += 7;
    } else if (op === 3) {
      if (path.length > 1) out.push(path);
      path = [[data[i + 3], data[i + 4]]];
      i += 5;
    } else if (op === 4) {
      if (path.length) path.push(path[0]);
      i += 1;
    } else break;
  }
  if (path.length > 1) out.push(path);
  return out;
}
