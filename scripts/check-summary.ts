// `nianbao check`: what a maintainer needs to act on after parsing content/, in plain lines.
import { LEVEL_LABELS } from '../src/model/report.ts';
import type { StageResult } from './data/stage.ts';

export function checkSummary({ info, reports, counts, ms }: StageResult): string {
  const lines: string[] = [];
  const templates = count(reports.map((r) => (r.template ? `${r.template} 格式` : '未识别格式')));
  const levels = count(reports.map((r) => LEVEL_LABELS[r.level]));
  lines.push(`${info.reports} reports from ${info.agencies} agencies, years ${info.years.join(', ') || '-'} (${format(templates)}; ${format(levels)})`);
  lines.push(`parsed in ${(ms / 1000).toFixed(1)} s: ${counts.added} new, ${counts.changed} changed, ${counts.fresh} unchanged (cached), ${counts.removed} removed`);

  const failing = reports.filter((r) => r.checks.some((c) => c.ok === false));
  lines.push('', `Failed consistency checks: ${failing.length} of ${reports.length} reports`);
  for (const r of failing)
    for (const c of r.checks.filter((x) => x.ok === false)) lines.push(`  ${r.file}  ${r.agency} ${r.year}  ${c.rule} ${c.scope}: ${c.message}`);

  const warned = reports.filter((r) => r.warnings.length);
  lines.push('', `Warnings: ${warned.reduce((n, r) => n + r.warnings.length, 0)} in ${warned.length} reports`);
  for (const r of warned) for (const w of r.warnings) lines.push(`  ${r.file}  ${w.code}: ${w.message}`);

  lines.push('', `Files that could not be read: ${info.errors.length}`);
  for (const e of info.errors) lines.push(`  ${e.file}: ${e.error}`);
  return lines.join('\n');
}

const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
const format = (m: Map<string, number>) => [...m].map(([k, v]) => `${v} × ${k}`).join(', ');
