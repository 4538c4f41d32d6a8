// R1–R5 on a parsed report (report-format.md §4), each with pass, fail or "cannot tell" and a plain
// message naming both numbers. Blank cells are never read as 0: a rule that needs one cannot tell.
import type { Check } from '../../../model/report.ts';
import { cellPath, tableOfPath, type TableTemplates } from '../../../model/cell-paths.ts';
import { PROACTIVE, type TemplateId } from '../../../model/templates.ts';
import { equations, evaluate, type Equation, type Lookup } from '../solve/equations.ts';

/** Each table by its own template (mixed reports exist): R1–R3 on table 三, R4 on table 四, R5 on all three. */
export function runChecks(t: TableTemplates, get: Lookup): Check[] {
  return [...equations(t.applications).map((eq) => toCheck(eq, get)), ...domain(t.proactive, t.applications, get)];
}

function toCheck(eq: Equation, get: Lookup): Check {
  const cells = [...eq.left, ...eq.right];
  const outcome = evaluate(eq, get);
  if (outcome.ok === null) {
    const missing = [...outcome.blank, ...outcome.unknown];
    return {
      rule: eq.rule,
      ok: null,
      scope: eq.scope,
      expected: null,
      actual: null,
      cells,
      message: `无法核对：${eq.leftName} ＝ ${eq.rightName}，其中 ${missing.length} 个单元格为空（${missing.slice(0, 3).join('、')}${missing.length > 3 ? '…' : ''}）。`,
    };
  }
  return {
    rule: eq.rule,
    ok: outcome.ok,
    scope: eq.scope,
    expected: outcome.left,
    actual: outcome.right,
    cells,
    message: outcome.ok
      ? `${eq.leftName} (${outcome.left}) ＝ ${eq.rightName} (${outcome.right})`
      : `${eq.leftName} (${outcome.left}) ≠ ${eq.rightName} (${outcome.right})`,
  };
}

interface Domain {
  tables: Map<string, string[]>;
  signed: Set<string>;
  money: Set<string>;
}
const domains = new Map<string, Domain>();

/** The cells R5 looks at, per table, with those that may be negative or hold money (built once). */
function domainOf(template: TemplateId | null, applicationsTemplate: TemplateId | null): Domain {
  const key = `${template}/${applicationsTemplate}`;
  const known = domains.get(key);
  if (known) return known;
  const tables = new Map<string, string[]>();
  const add = (table: string, path: string) => tables.set(table, [...new Set([...(tables.get(table) ?? []), path])]);
  for (const eq of equations(applicationsTemplate)) for (const p of [...eq.left, ...eq.right]) add(tableOfPath(p), p);
  const signed = new Set<string>();
  const money = new Set<string>();
  for (const block of template ? PROACTIVE[template] : [])
    for (const row of block.rows)
      for (const c of block.columns) {
        const path = cellPath('proactive', row.key, c.key);
        add('proactive', path);
        if (block.signed?.includes(c.key)) signed.add(path);
        if (block.money?.includes(c.key)) money.add(path);
      }
  const domain = { tables, signed, money };
  domains.set(key, domain);
  return domain;
}

/** R5: counts are non-negative integers; 2019 本年增/减 may be negative; money may have decimals. */
function domain(template: TemplateId | null, applicationsTemplate: TemplateId | null, get: Lookup): Check[] {
  const { tables, signed, money } = domainOf(template, applicationsTemplate);
  const checks: Check[] = [];
  const bad: Check[] = [];
  for (const [table, paths] of tables) {
    const before = bad.length;
    for (const path of paths) {
      const v = get(path);
      if (typeof v !== 'number') continue;
      if ((signed.has(path) || v >= 0) && (money.has(path) || Number.isInteger(v))) continue;
      bad.push({
        rule: 'R5',
        ok: false,
        scope: path,
        expected: null,
        actual: v,
        cells: [path],
        message: `${path} 为 ${v}：${money.has(path) ? '金额不能为负数' : '此处应为非负整数'}。`,
      });
    }
    if (bad.length === before)
      checks.push({
        rule: 'R5',
        ok: true,
        scope: table,
        expected: null,
        actual: null,
        cells: [],
        message: '所有单元格均为有效数值（非负整数，本年增/减可为负，金额可有小数）。',
      });
  }
  return [...checks, ...bad];
}
