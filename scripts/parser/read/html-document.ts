// HTML → Document. Government pages carry the report inside menus and footers, with Word-pasted
// styles, `&nbsp;` blanks, `<br>` inside cells and rowspan/colspan. Only text is kept: no markup
// from the input ever reaches a page, which is the sanitising.
import { DomHandler, Parser } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, Document } from './document.ts';
import { InputError } from './input-error.ts';

/**
 * Deepest nesting read. Pages nest a few dozen elements deep (Word's pasted HTML under a hundred);
 * htmlparser2 keeps its open elements in an array it shifts at the front, so its work grows with
 * the depth squared: 100,000 deep takes 20 s. A page deeper than this is refused.
 */
const MAX_DEPTH = 1000;

class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>) {
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_DEPTH) {
      throw new InputError(
        `the page nests its elements more than ${MAX_DEPTH} deep (at <${name}>); no report page does: is it the right file, or is its markup broken?`,
      );
    }
  }
}

function parseDocument(html: string) {
  const handler = new BoundedHandler();
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true }).end(html);
  return handler.root;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'select', 'button', 'head']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'address',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'center',
  // Rows and cells of layout tables (a table holding the report's own tables).
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
]);

export function readHtml(html: string): Document {
  const dom = parseDocument(html);
  const blocks: Block[] = [];
  let line = '';
  const lines: string[] = [];
  const endLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const flushText = () => {
    endLine();
    if (lines.length) blocks.push({ kind: 'text', text: lines.join('\n') });
    lines.length = 0;
  };

  // Depth-first with a stack of its own, not recursion: a page nested 10,000 deep is read like any
  // other instead of overflowing the call stack.
  const layout = tablesHoldingTables(dom.children);
  const stack: (ChildNode | typeof END_LINE)[] = [...dom.children].reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === END_LINE) endLine();
    else if (item.type === 'text') line += item.data.replace(/[\s\u00a0]+/g, (ws) => (ws.includes('\u00a0') ? '\u00a0' : ' '));
    else if (isElement(item)) {
      const tag = item.name;
      if (SKIP.has(tag)) continue;
      if (tag === 'table' && !layout.has(item)) {
        flushText();
        const rows = tableRows(item);
        if (rows.length) blocks.push({ kind: 'table', rows });
      } else if (tag === 'br') endLine();
      else if (BLOCK.has(tag)) {
        endLine();
        stack.push(END_LINE);
        pushChildren(stack, item);
      } else pushChildren(stack, item);
    }
  }
  flushText();
  const title = find(dom.children, (e) => e.name === 'title');
  return { blocks, pageTitle: title ? textOf(title).trim() : undefined, pageDate: metaDate(dom.children), pageUrl: canonicalUrl(dom.children) };
}

const END_LINE = Symbol('end of line');

function pushChildren(stack: (ChildNode | typeof END_LINE)[], element: Element) {
  for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
}

/** Tables with a table inside: a page's layout, read as text around the inner tables. */
function tablesHoldingTables(nodes: ChildNode[]): Set<Element> {
  const holding = new Set<Element>();
  // Each ancestor is climbed once: the climb stops where an earlier one passed.
  const climbed = new Set<unknown>();
  for (const table of descendants(nodes, (e) => e.name === 'table'))
    for (let up = table.parent; up && !climbed.has(up); up = up.parent) {
      climbed.add(up);
      if (isElement(up as ChildNode) && (up as Element).name === 'table') holding.add(up as Element);
    }
  return holding;
}

/** Rows of this table only (nested tables are flattened into their cell's text). */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const stack: ChildNode[] = [...table.children].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (!isElement(n)) continue;
    if (n.name === 'tr')
      rows.push(
        n.children
          .filter(isElement)
          .filter((c) => c.name === 'td' || c.name === 'th')
          .map(cellText),
      );
    else if (['thead', 'tbody', 'tfoot'].includes(n.name)) pushChildren(stack as (ChildNode | typeof END_LINE)[], n);
  }
  return rows;
}

/** A cell's text with `<br>` and paragraphs joined: header labels broken over lines read as one. */
function cellText(cell: Element): string {
  return textOf(cell)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

function textOf(node: ChildNode): string {
  let text = '';
  const stack: ChildNode[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.type === 'text') text += n.data;
    else if (isElement(n) && !SKIP.has(n.name)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return text;
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** Elements passing `test`, in document order. */
function* descendants(nodes: ChildNode[], test: (e: Element) => boolean): Generator<Element> {
  const stack: ChildNode[] = [...nodes].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (!isElement(n)) continue;
    if (test(n)) yield n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

function find(nodes: ChildNode[], test: (e: Element) => boolean): Element | undefined {
  for (const e of descendants(nodes, test)) return e;
  return undefined;
}

/** `<meta name="PubDate" content="2021-01-19 10:00">` and its CMS variants. */
function metaDate(nodes: ChildNode[]): string | undefined {
  const meta = find(nodes, (e) => e.name === 'meta' && /pubdate|publishdate|firstpublishedtime|date/i.test(e.attribs.name ?? ''));
  return meta?.attribs.content;
}

/** `<link rel="canonical" href>` or `<meta property="og:url" content>`: where the page says it lives. */
function canonicalUrl(nodes: ChildNode[]): string | undefined {
  const link = find(nodes, (e) => e.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(e.attribs.rel ?? ''));
  const og = find(nodes, (e) => e.name === 'meta' && /^og:url$/i.test(e.attribs.property ?? e.attribs.name ?? ''));
  return link?.attribs.href ?? og?.attribs.content;
}
