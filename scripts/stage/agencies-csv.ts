// content/agencies.csv (optional, read with Papa Parse): region, level, parent agency and source URL
// per agency, overriding what the parser inferred from the name, and `aliases`: other names of the same
// agency (separated by ；, ; or |), merged into it. Then each report takes its agency's identity
// (./agency-identity.ts): one agency, one page, across the ways its name is written.
//
// The file is typed by hand, so it is validated before use, and one bad row never costs the others: a
// row Papa Parse cannot read (a quote left open, which would swallow every line after it) is skipped
// and reading goes on at the next line; a row with more fields than the header is skipped (a comma in a
// name); names, regions and parents lose control and text-direction characters and whitespace (a
// newline in a region would become a folder of feeds/regions/) and are held to a length; a source URL
// passes model/source-url.ts or is ignored; aliases that loop or that point at a row of their own are
// dropped. Each problem names its line.
import Papa from 'papaparse';
import { LEVELS, LEVEL_LABELS, type Level, type Report } from '../../model/report.ts';
import { levelOf } from '../parser/index.ts';
import { checkSourceUrl } from '../../model/source-url.ts';
import { bareName, identify, withIdentity } from './agency-identity.ts';

export interface AgencyInfo {
  region?: string;
  level?: Level;
  parent?: string;
  sourceUrl?: string;
  /** The name of the row this one is an alias of. */
  name?: string;
}

export interface AgencyProblem {
  /** Line of agencies.csv (1 is the header). */
  line: number;
  message: string;
}

export interface Agencies {
  byName: Map<string, AgencyInfo>;
  problems: AgencyProblem[];
  /** Every alias kept (bare name), with the line that gave it: checked against the corpus by the data stage. */
  aliases: Map<string, { alias: string; of: string; line: number }>;
  /** Every row kept, by its own name (not its aliases), in the file's order. */
  named: { name: string; info: AgencyInfo }[];
}

/** Longest accepted: an agency's full name, a region down to its township. */
const MAX_NAME = 100;
const MAX_REGION = 64;

const LEVEL_BY_LABEL = new Map<string, Level>([
  ...LEVELS.map((l) => [l, l] as const),
  ...Object.entries(LEVEL_LABELS).map(([l, label]) => [label, l as Level] as const),
]);
const bare = bareName;

/** Whitespace, controls, text-direction and zero-width characters: never part of a name or region. */
const NOT_IN_NAMES = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/gu;
/** A name or region as it is compared and shown: NFC, without the characters above. */
const cleanName = (value: string) => value.normalize('NFC').replace(NOT_IN_NAMES, '');

interface Row {
  line: number;
  fields: string[];
}

/**
 * The file's rows with the line each starts on. A row Papa Parse reports a quote error for is skipped
 * (listed), and parsing starts again at the line after the one it began on, so that an open quote never
 * takes the rows after it.
 */
function rowsOf(text: string, problems: AgencyProblem[]): Row[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const rows: Row[] = [];
  for (let from = 0; from < text.length;) {
    let restart: number | undefined;
    let start = from;
    Papa.parse<string[]>(text.slice(from), {
      skipEmptyLines: 'greedy',
      step: (result, handle) => {
        const end = from + result.meta.cursor;
        // The row starts at its first character after the previous row's line end (empty lines skipped).
        const begin = start + (/^\s*/.exec(text.slice(start, end))?.[0].length ?? 0);
        start = end;
        const line = lineAt(begin);
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote) {
          problems.push({ line, message: `${quoteProblem(quote.code)}; row skipped (quote the whole field: "…")` });
          restart = lineStarts[line] ?? text.length;
          handle.abort();
          return;
        }
        rows.push({ line, fields: result.data });
      },
    });
    if (restart === undefined) break;
    from = restart;
  }
  return rows;
}

/** MissingQuotes (never closed) or InvalidQuotes (closed by a quote further down, not at its field's end). */
const quoteProblem = (code: string) =>
  code === 'MissingQuotes' ? 'a quote opened here is never closed' : 'a quote opened here is not closed at the end of its field';

/** Name → info, with every problem (rows skipped, values ignored) by line; nothing is thrown. */
export function readAgencies(text: string): Agencies {
  const problems: AgencyProblem[] = [];
  const rows = rowsOf(text.replace(/^\uFEFF/, ''), problems);
  const byName = new Map<string, AgencyInfo>();
  const aliases = new Map<string, { alias: string; of: string; line: number }>();
  const header = rows.shift();
  const named: { name: string; info: AgencyInfo }[] = [];
  if (!header) return { byName, problems, aliases, named };
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const field = (row: Row, ...names: string[]) => {
    const k = columns.findIndex((c) => names.includes(c));
    return k >= 0 ? (row.fields[k] ?? '') : '';
  };
  const rowOf = new Map<string, number>();
  const pending: { row: Row; name: string; info: AgencyInfo; aliases: string[] }[] = [];
  for (const row of rows) {
    const say = (message: string) => problems.push({ line: row.line, message });
    if (row.fields.length > columns.length && row.fields.slice(columns.length).some((f) => f.trim())) {
      say(`${row.fields.length} fields where the header has ${columns.length} (a comma inside a name? quote the field); row skipped`);
      continue;
    }
    const name = cleanName(field(row, 'agency', 'name', '机构'));
    if (!name) {
      if (row.fields.some((f) => f.trim())) say('no agency name; row skipped');
      continue;
    }
    if (name.length > MAX_NAME) {
      say(`agency name of ${name.length} characters (at most ${MAX_NAME}); row skipped`);
      continue;
    }
    if (rowOf.has(bare(name))) {
      say(`「${name}」 already has a row (line ${rowOf.get(bare(name))}); row skipped`);
      continue;
    }
    const info: AgencyInfo = {};
    const region = cleanName(field(row, 'region', '地区'));
    if (region.length > MAX_REGION) say(`region of ${region.length} characters (at most ${MAX_REGION}); ignored`);
    else if (region) info.region = region;
    const parent = cleanName(field(row, 'parent', '上级'));
    if (parent.length > MAX_NAME) say(`parent of ${parent.length} characters (at most ${MAX_NAME}); ignored`);
    else if (parent) info.parent = parent;
    const level = field(row, 'level', '层级').trim();
    if (level) {
      const known = LEVEL_BY_LABEL.get(level);
      if (known) info.level = known;
      else say(`level "${shown(level)}" is not one of ${LEVELS.join(', ')}; ignored`);
    }
    const url = field(row, 'source_url', 'sourceurl', 'url', '来源').trim();
    if (url) {
      const checked = checkSourceUrl(url);
      if ('url' in checked) info.sourceUrl = checked.url;
      else say(`source_url "${shown(url)}" is refused: ${checked.refused}; ignored`);
    }
    rowOf.set(bare(name), row.line);
    byName.set(bare(name), info);
    named.push({ name, info });
    const listed = field(row, 'aliases', '别名')
      .split(/[;；|]/u)
      .map(cleanName)
      .filter((a) => a && bare(a) !== bare(name));
    pending.push({ row, name, info, aliases: listed });
  }
  // Aliases last, once every row's own name is known: an alias that has a row of its own (A lists B, and B
  // has a row, perhaps listing A: a loop) or that two rows claim would merge by the order of the lines.
  for (const { row, name, info, aliases: listed } of pending) {
    for (const alias of listed) {
      const key = bare(alias);
      const own = rowOf.get(key);
      const claimed = aliases.get(key);
      if (own !== undefined) {
        const back = pending.find((p) => p.row.line === own)?.aliases.some((a) => bare(a) === bare(name));
        problems.push({
          line: row.line,
          message: `alias 「${alias}」 has a row of its own (line ${own})${back ? ', which lists 「' + name + '」 as its alias: a loop' : ''}; alias ignored`,
        });
      } else if (claimed) {
        problems.push({ line: row.line, message: `alias 「${alias}」 is already an alias of 「${claimed.of}」 (line ${claimed.line}); alias ignored` });
      } else {
        aliases.set(key, { alias, of: name, line: row.line });
        byName.set(key, { ...info, name });
      }
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { byName, problems, aliases, named };
}

/** A value quoted in a message: one line, not too long, hidden characters written as escapes (U+202E would turn the line round). */
const shown = (value: string) => {
  const line = value.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
};

/** Aliases no report's agency is named by (a typo merges nothing): the data stage's check against the corpus. */
export function unusedAliases(agencies: Agencies, printedNames: Iterable<string>): AgencyProblem[] {
  const used = new Set([...printedNames].map((n) => bare(n)));
  return [...agencies.aliases]
    .filter(([key]) => !used.has(key))
    .map(([, a]) => ({ line: a.line, message: `alias 「${a.alias}」 of 「${a.of}」 is the name of no report: it merges nothing (a typo?)` }));
}

/** The report with what agencies.csv says of its agency, under the agency's identity. */
export function applyAgencyInfo(r: Report, byName: Map<string, AgencyInfo>): Report {
  const info = byName.get(bare(r.agency)) ?? {};
  return withIdentity({ ...r, parent: info.parent ?? r.parent, sourceUrl: r.sourceUrl ?? info.sourceUrl ?? null }, info);
}

/** The agency id a report printing `agency` had under the first identity rules (its old addresses redirect). */
export function formerAgencyId(agency: string, byName: Map<string, AgencyInfo>): string {
  const info = byName.get(bare(agency)) ?? {};
  return identify(info.name ?? agency, info.region, { version: 1 }).agencyId;
}

/**
 * The agencies agencies.csv lists (by their rows, not their aliases), as their reports would be placed:
 * region and level as the csv gives them, else as the name tells. The region pages and coverage.csv count
 * them as expected every year, with a report or not (model/coverage.ts).
 */
export function listedAgencies(agencies: Agencies): { id: string; name: string; level: Level; region: string | null }[] {
  const byId = new Map<string, { id: string; name: string; level: Level; region: string | null }>();
  for (const { name, info } of agencies.named) {
    const id = identify(name, info.region);
    if (!byId.has(id.agencyId))
      byId.set(id.agencyId, { id: id.agencyId, name, level: info.level ?? id.level ?? levelOf(name), region: info.region ?? id.region });
  }
  return [...byId.values()];
}
