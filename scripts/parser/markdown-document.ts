// Markdown → Document with remark and GFM pipe tables. Prose keeps its text only.
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Block, Document } from './document.ts';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** GFM's tables only: the rest of remark-gfm (autolinks, footnotes…) doubles the parse time for nothing here. */
function remarkTables(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkTables);

export function readMarkdown(markdown: string): Document {
  const tree = parser.parse(markdown) as MdNode;
  const blocks: Block[] = [];
  for (const node of tree.children ?? []) {
    if (node.type === 'table') {
      blocks.push({ kind: 'table', rows: (node.children ?? []).map((row) => (row.children ?? []).map((c) => text(c).trim())) });
    } else {
      const t = text(node).trim();
      if (t) blocks.push({ kind: 'text', text: t });
    }
  }
  return { blocks };
}

/** Plain text of a node; `break` and list items become line ends. */
function text(node: MdNode): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return node.value;
  const sep = node.type === 'list' || node.type === 'blockquote' ? '\n' : '';
  return (node.children ?? []).map(text).join(sep);
}
