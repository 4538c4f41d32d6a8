// The build's last words: how many reports became pages, and every input file that did not, with why.
import type { BuildInfo } from '../../model/corpus.ts';

export function buildSummary(info: BuildInfo, dist: string, timings: Record<string, number>): string {
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  const lines = [
    `Built ${info.reports} report page(s) for ${info.agencies} agenc${info.agencies === 1 ? 'y' : 'ies'} into ${dist}/ in ${secs(total)} (${Object.entries(
      timings,
    )
      .map(([stage, ms]) => `${stage} ${secs(ms)}`)
      .join(', ')}).`,
  ];
  if (info.errors.length === 0) {
    lines.push('Every input file became a page.');
  } else {
    const files = info.errors.map((e) => shown(e.file));
    const width = Math.max(4, ...files.map((f) => f.length));
    lines.push(
      `${info.errors.length} input file(s) did not become a page:`,
      `  ${'file'.padEnd(width)}  reason`,
      ...info.errors.map((e, i) => `  ${files[i].padEnd(width)}  ${e.error}`),
    );
  }
  if (info.warnings.length) {
    const files = [...new Set(info.warnings.map((w) => w.file))];
    lines.push(
      `${info.warnings.length} problem(s) in ${files.join(', ')}, whose other rows apply:`,
      ...info.warnings.map((w) => `  ${shown(w.file)} line ${w.line}: ${shown(w.warning)}`),
    );
  }
  return lines.join('\n');
}

/** A file name on one line of the terminal: control characters (a newline in a name) written as escapes. */
const shown = (file: string) => file.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
