// No regular expression of the parser backtracks super-linearly. One did ("…(?:\d+…[\s,，、]*)+$",
// tables-text.ts): a run of 30 digits after a label took it through every cut of the run, and fuzzed
// reports of a few KB hung the parser until its 20 s budget (fixtures in test/fuzz/fixtures/). scslre
// (the analysis behind eslint-plugin-regexp's no-super-linear-backtracking and no-super-linear-move)
// finds such a pattern from its shape, whatever the input, so this holds for texts no test has typed.
// The expressions checked are every literal in scripts/parser/ and every one the parser runs while
// reading the fixture reports and the fuzz seeds (those built at run time from labels and field names).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { analyse } from 'scslre';
import { describe, expect, test } from 'vitest';
import { parseBytes } from '../../scripts/parser/index.ts';
import { fileOf } from '../../scripts/fuzz/inputs.ts';
import { loadSeeds } from '../../scripts/fuzz/seeds.ts';

const PARSER = join(import.meta.dirname, '../../scripts/parser');
const FIXTURES = join(import.meta.dirname, 'fixtures');

/** `/source/flags` → where it was found. */
function literals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(PARSER, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
    const file = ts.createSourceFile(name, readFileSync(join(PARSER, name), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.set(node.getText(), `scripts/parser/${name}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** Every expression the parser executes on the fixture reports and the fuzz seeds. */
async function executed(): Promise<Set<string>> {
  const inputs: [string, Uint8Array][] = [];
  for (const folder of readdirSync(FIXTURES))
    for (const name of readdirSync(join(FIXTURES, folder)).filter((n) => n.startsWith('input.') && !n.endsWith('.docx.txt')))
      inputs.push([name, readFileSync(join(FIXTURES, folder, name))]);
  for (const seed of await loadSeeds(1)) inputs.push([`seed.${seed.form}`, fileOf(seed)]);
  const seen = new Set<string>();
  const exec = RegExp.prototype.exec;
  // String.prototype.match, replace, split and RegExp.prototype.test all call exec.
  // Whose an expression is, looked up once per source: a stack per call would take minutes.
  const whose = new Map<string, boolean>();
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const literal = `/${this.source}/${this.flags}`;
    if (!whose.has(literal)) whose.set(literal, calledFromParser());
    if (whose.get(literal)) seen.add(literal);
    return exec.call(this, text);
  };
  try {
    for (const [name, bytes] of inputs) await parseBytes(name, bytes);
  } finally {
    RegExp.prototype.exec = exec;
  }
  return seen;
}

/**
 * Whether the code running an expression is the parser's own, not a library it calls (pdf.js runs
 * expressions of its own while reading a PDF: they are its maintainers' business). The first frame below
 * this hook that is not a built-in (String.prototype.replace and the like call exec) says whose it is.
 */
function calledFromParser(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 8;
  const frames = (new Error().stack ?? '').split('\n').slice(2);
  Error.stackTraceLimit = limit;
  // String methods only: an expression here would call this hook again.
  const caller = frames.find((f) => !f.includes('(native)') && !f.includes('<anonymous>')) ?? '';
  return caller.includes('/scripts/parser/');
}

const asRegExp = (literal: string) => {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
};

describe('regular expressions of the parser', () => {
  test('none backtracks super-linearly on any input', async () => {
    const where = literals();
    const all = new Set([...where.keys(), ...(await executed())]);
    expect(where.size).toBeGreaterThan(100);
    const slow = [...all].flatMap((literal) =>
      analyse(asRegExp(literal)).reports.map(
        (r) => `${where.get(literal) ?? 'built at run time'} ${literal}: ${r.exponential ? 'exponential' : 'polynomial'} (${r.type})`,
      ),
    );
    expect(slow).toEqual([]);
  }, 120_000);

  test('the analysis finds the pattern that hung the parser', () => {
    const before = /\p{Script=Han}[^\d\p{Script=Han}]*(?:[+-]?\d+(?:\.\d+)?(?:亿元|万元|元)?[\s,，、]*)+$/u;
    expect(analyse(before).reports.some((r) => r.exponential)).toBe(true);
  });
});
