// `nianbao check`: what a maintainer needs to act on after parsing content/, in plain lines.
import { LEVEL_LABELS } from '../model/report.ts';
import type { StageResult } from './stage/stage.ts';

export function checkSummary({ info, summaries, notes, counts, seconds }: StageResult): string {
  const lines: string[] = [];
  const templates = count(summaries.map((r) => (r.template ? `${r.template} 格式` : '未识别格式')));
  const levels = count(summaries.map((r) => LEVEL_LABELS[r.level]));
  lines.push(`${info.reports} reports from ${info.agencies} agencies, years ${info.years.join(', ') || '-'} (${format(templates)}; ${format(levels)})`);
  lines.push(
    `parsed in ${seconds.total.toFixed(1)} s: ${counts.added} new, ${counts.changed} changed, ${counts.fresh} unchanged (cached), ${counts.removed} removed`,
  );

  // Per report: cells with a number, cells nianbao could not tell, cells the report printed blank.
  const sum = (k: 'decidedCells' | 'unknownCells' | 'blankCells') => summaries.reduce((n, r) => n + r[k], 0);
  lines.push('', `Cells: ${sum('decidedCells')} decided, ${sum('unknownCells')} undecided (unknown), ${sum('blankCells')} blank as printed`);
  for (const r of summaries) lines.push(`  ${r.file}  ${r.agency} ${r.year}: ${r.decidedCells} decided, ${r.unknownCells} undecided, ${r.blankCells} blank`);

  const failed = notes.filter((n) => n.result === 'fail');
  lines.push('', `Failed consistency checks: ${new Set(failed.map((n) => n.report)).size} of ${info.reports} reports`);
  for (const n of failed) lines.push(`  ${n.file}  ${n.agency} ${n.year}  ${n.rule} ${n.scope}: ${n.message}`);

  const warnings = notes.filter((n) => n.result === 'warning');
  lines.push('', `Warnings: ${warnings.length} in ${new Set(warnings.map((n) => n.report)).size} reports`);
  for (const n of warnings) lines.push(`  ${n.file}  ${n.rule}: ${n.message}`);

  lines.push('', `Files that could not be read: ${info.errors.length}`);
  for (const e of info.errors) lines.push(`  ${e.file}: ${e.error}`);
  if (info.warnings.length) {
    lines.push('', `agencies.csv: ${info.warnings.length} problem(s), the rest of the file applies`);
    for (const w of info.warnings) lines.push(`  ${w.file} line ${w.line}: ${w.warning}`);
  }
  return lines.join('\n');
}

const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
const format = (m: Map<string, number>) => [...m].map(([k, v]) => `${v} × ${k}`).join(', ');
