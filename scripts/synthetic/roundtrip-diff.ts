// What the parser read from a synthetic report against what the generator printed in it: every cell,
// the metadata and the checks it broke on purpose. Used by the round-trip test; one line per difference.
import type { Report } from '../../model/report.ts';
import { cellOf } from '../../model/cell-paths.ts';
import { CHECK_RULES, type Code } from '../../model/diagnostics.ts';
import { cellsOf, type Manifest, type ManifestEntry } from './manifest.ts';

/** Rules a single report's checks evaluate; R8 spans two reports and belongs to the data stage. */
const REPORT_RULES = new Set<Code>(CHECK_RULES);

export function differences(manifest: Manifest, entry: ManifestEntry, report: Report): string[] {
  const out: string[] = [];
  const same = (what: string, want: unknown, got: unknown) => {
    if (want !== got) out.push(`${what}: generated ${JSON.stringify(want)}, parsed ${JSON.stringify(got)}`);
  };
  same('year', entry.year, report.year);
  same('template', entry.template, report.template);
  same('agency', entry.agency, report.agency);
  same('published', entry.published, report.published);
  for (const [path, want] of cellsOf(manifest, entry)) same(path, want, cellOf(report, path));

  const key = (c: { rule: Code; scope: string }) => `${c.rule}:${c.scope}`;
  const wanted = new Set(entry.broken.filter((c) => REPORT_RULES.has(c.rule)).map(key));
  const failed = new Set(report.checks.filter((c) => c.ok === false && REPORT_RULES.has(c.rule)).map(key));
  for (const k of wanted) if (!failed.has(k)) out.push(`check ${k}: broken on purpose, but the parser's check did not fail`);
  for (const k of failed) if (!wanted.has(k)) out.push(`check ${k}: failed, but the generated table satisfies it`);
  return out;
}
