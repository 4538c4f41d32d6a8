// One folder per form reports come in (test/parser/fixtures/<case>/): `input.<ext>` typed as agencies
// print it, and `expected.json` written by a person from reading that input. Every cell of the report is
// compared: a row the expectation does not list must come out null. UPDATE_FIXTURES=1 rewrites the
// expectations from the parser's output for review (`git diff`); CI never sets it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document as DocxDocument, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, test } from 'vitest';
import { reportPaths, cellOf } from '../../model/cell-paths.ts';
import type { Report } from '../../model/report.ts';
import { parseBytes } from '../../scripts/parser/index.ts';

const ROOT = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1' && !process.env.CI;

interface Expected {
  /** A refused input: the error must contain this text. */
  error?: string;
  template?: string | null;
  tableTemplates?: Report['tableTemplates'];
  agency?: string;
  year?: number;
  published?: string | null;
  sourceUrl?: string | null;
  /** Row key → printed values (null: blank or cannot tell); `review` is table 四's fifteen cells. */
  proactive?: Record<string, (number | null)[]>;
  applications?: Record<string, (number | null)[]>;
  review?: (number | null)[];
  /** Exactly the cells nianbao cannot tell, with the reason. */
  unknown?: Record<string, string>;
  /** Warning codes the report must carry. */
  warnings?: string[];
  /** Section key → text it must start with / must not contain. */
  sectionsStart?: Record<string, string>;
  sectionsExclude?: string[];
}

/** The input's bytes; `input.docx.txt` is typed text turned into a .docx (tab lines become a table). */
async function input(dir: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const bytes = readFileSync(join(dir, name));
  if (!name.endsWith('.docx.txt')) return { name, bytes };
  return { name: 'input.docx', bytes: await docxOf(bytes.toString('utf8')) };
}

async function docxOf(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length)
      children.push(new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      children.push(new Paragraph(line));
    }
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new DocxDocument({ sections: [{ children }] })));
}

/** The expected value of every cell path, from the rows listed (unlisted rows: null). */
function expectedCells(e: Expected, paths: string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const path of paths) {
    const [table, row] = path.split('.');
    let value: number | null | undefined;
    if (table === 'proactive') value = e.proactive?.[row]?.[columnIndex(paths, path)];
    else if (table === 'applications') value = e.applications?.[row]?.[columnIndex(paths, path)];
    else value = e.review?.[['review', 'litigationDirect', 'litigationAfterReview'].indexOf(table) * 5 + columnIndex(paths, path)];
    out[path] = value ?? null;
  }
  return out;
}

/** Position of a cell in its row (paths of a row are listed in printed order; a table 四 block is one row). */
function columnIndex(paths: string[], path: string): number {
  const rowOf = (p: string) => (p.split('.').length === 2 ? p.split('.')[0] : p.split('.').slice(0, 2).join('.'));
  return paths.filter((p) => rowOf(p) === rowOf(path)).indexOf(path);
}

function actualCells(r: Report, paths: string[]): Record<string, number | null> {
  return Object.fromEntries(paths.map((p) => [p, cellOf(r, p) ?? null]));
}

/** The report as an expectation, for UPDATE_FIXTURES. */
function toExpected(r: Report, old: Expected): Expected {
  const rows = (key: 'proactive' | 'applications') =>
    Object.fromEntries(Object.entries(r[key] as Record<string, Record<string, number | null>>).map(([row, cells]) => [row, Object.values(cells)]));
  const review = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((b) => Object.values(r[b as 'review']));
  return {
    template: r.template,
    tableTemplates: r.tableTemplates,
    agency: r.agency,
    year: r.year,
    published: r.published,
    sourceUrl: r.sourceUrl,
    proactive: rows('proactive'),
    applications: rows('applications'),
    review,
    unknown: r.unknown,
    ...(old.warnings ? { warnings: old.warnings } : {}),
    ...(old.sectionsStart ? { sectionsStart: old.sectionsStart } : {}),
    ...(old.sectionsExclude ? { sectionsExclude: old.sectionsExclude } : {}),
  };
}

describe('parser fixture folders', () => {
  for (const folder of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, folder);
    test(folder, async () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const { name, bytes } = await input(dir);
      const outcome = await parseBytes(join('fixtures', folder, name), bytes);
      if (expected.error !== undefined) {
        expect('error' in outcome ? outcome.error : 'parsed').toContain(expected.error);
        return;
      }
      if ('error' in outcome) throw new Error(`${folder}: ${outcome.error}`);
      const r = outcome.report;
      if (UPDATE) {
        writeFileSync(join(dir, 'expected.json'), JSON.stringify(toExpected(r, expected), null, 2) + '\n');
        return;
      }
      const meta = (['template', 'tableTemplates', 'agency', 'year', 'published', 'sourceUrl'] as const).filter((k) => k in expected);
      expect(Object.fromEntries(meta.map((k) => [k, r[k]]))).toEqual(Object.fromEntries(meta.map((k) => [k, expected[k]])));
      const paths = reportPaths(r.tableTemplates);
      expect(actualCells(r, paths)).toEqual(expectedCells(expected, paths));
      expect(r.unknown).toEqual(expected.unknown ?? {});
      for (const code of expected.warnings ?? []) expect(r.warnings.map((w) => w.code)).toContain(code);
      for (const [key, start] of Object.entries(expected.sectionsStart ?? {})) expect(r.sections[key]?.slice(0, start.length)).toBe(start);
      for (const text of expected.sectionsExclude ?? []) for (const section of Object.values(r.sections)) expect(section).not.toContain(text);
      // Every row read points at its printed figures in the text shown as 原文.
      for (const p of Object.values(r.printed)) expect(r.sourceText.slice(p.start, p.end)).toBe(p.text);
    });
  }
});
