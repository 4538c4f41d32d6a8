// The parser reads Markdown line by line (scripts/parser/read/markdown-document.ts: remark took 15–30 ms a
// report and gigabytes on a line of pipes, issues 9 and 12). remark with GFM tables stays the reference:
// on Markdown typed as agencies' converters write it, both read the same tables, row by row and cell by cell.
import { readFileSync } from 'node:fs';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, test } from 'vitest';
import { readMarkdown } from '../../scripts/parser/read/markdown-document.ts';
import { FIXTURE_2019, FIXTURE_2021, markdown } from './fixtures.ts';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

function remarkTables(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const remark = unified().use(remarkParse).use(remarkTables);
const textOf = (node: MdNode): string => (typeof node.value === 'string' ? node.value : (node.children ?? []).map(textOf).join(''));

/** Every table remark finds, as rows of cell texts. */
const remarkTablesOf = (md: string): string[][][] =>
  ((remark.parse(md) as MdNode).children ?? [])
    .filter((n) => n.type === 'table')
    .map((t) => (t.children ?? []).map((row) => (row.children ?? []).map((c) => textOf(c).trim())));

const linesTablesOf = (md: string): string[][][] => readMarkdown(md).blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));

describe('readMarkdown reads the tables remark reads', () => {
  const typed: [string, string][] = [
    ['a report in Markdown (test/parser/fixtures/markdown-2019)', readFileSync('test/parser/fixtures/markdown-2019/input.md', 'utf8')],
    [
      'Markdown converted from a PDF (test/parser/fixtures/markdown-from-pdf-2021)',
      readFileSync('test/parser/fixtures/markdown-from-pdf-2021/input.md', 'utf8'),
    ],
    ['the 2019 form laid out as pipe tables', markdown(FIXTURE_2019)],
    ['the 2021 form laid out as pipe tables', markdown(FIXTURE_2021)],
  ];
  test.each(typed)('%s', (_, md) => {
    const expected = remarkTablesOf(md);
    expect(expected.length).toBeGreaterThan(0);
    expect(linesTablesOf(md)).toEqual(expected);
  });
});
