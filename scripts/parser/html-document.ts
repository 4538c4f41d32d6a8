// HTML → Document. Government pages carry the report inside menus and footers, with Word-pasted
// styles, `&nbsp;` blanks, `<br>` inside cells and rowspan/colspan. Only text is kept: no markup
// from the input ever reaches a page, which is the sanitising.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, Document } from './document.ts';

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
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
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

  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') line += node.data.replace(/[\s\u00a0]+/g, (ws) => (ws.includes('\u00a0') ? '\u00a0' : ' '));
      else if (isElement(node)) {
        const tag = node.name;
        if (SKIP.has(tag)) continue;
        if (tag === 'table' && !find(node.children, (e) => e.name === 'table')) {
          flushText();
          const rows = tableRows(node);
          if (rows.length) blocks.push({ kind: 'table', rows });
        } else if (tag === 'br') endLine();
        else if (BLOCK.has(tag)) {
          endLine();
          walk(node.children);
          endLine();
        } else walk(node.children);
      }
    }
  };
  walk(dom.children);
  flushText();
  const title = find(dom.children, (e) => e.name === 'title');
  return { blocks, pageTitle: title ? textOf(title).trim() : undefined, pageDate: metaDate(dom.children), pageUrl: canonicalUrl(dom.children) };
}

/** Rows of this table only (nested tables are flattened into their cell's text). */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'tr')
        rows.push(
          n.children
            .filter(isElement)
            .filter((c) => c.name === 'td' || c.name === 'th')
            .map(cellText),
        );
      else if (['thead', 'tbody', 'tfoot'].includes(n.name)) visit(n.children);
    }
  };
  visit(table.children);
  return rows;
}

/** A cell's text with `<br>` and paragraphs joined: header labels broken over lines read as one. */
function cellText(cell: Element): string {
  return textOf(cell)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || SKIP.has(node.name)) return '';
  return node.children.map(textOf).join('');
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function find(nodes: ChildNode[], test: (e: Element) => boolean): Element | undefined {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (test(n)) return n;
    const inner = find(n.children, test);
    if (inner) return inner;
  }
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
