// Revisions are never silent. The data stage remembers each report's original by its SHA-256 across builds,
// in a folder beside its generated one (`<generated>.revisions/`: a build in shards keeps it in
// shards/<name>/, so it travels with the shard's artifact). It is state, not a cache: the parser's index
// is dropped when the parser changes, and generated/ may be deleted, but this must outlive both. When a
// report's original changes, the earlier original is archived there with its data (read again by the
// current parser, so the figures compared differ only because the file did), and every later build
// publishes it beside the report's downloads and lists the changed figures.
import { IN_GENERATED } from '../../model/generated.ts';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../../model/report.ts';
import { cellChanges, revisionFiles, type CellChange, type Revision } from '../../model/revisions.ts';
import { fileIo, type Io } from './io.ts';
import type { ParsePool } from './pool.ts';

/** One version of a report's original, as the state remembers it. */
interface Version {
  sha256: string;
  /** The date of the build that first read it. */
  seen: string;
  /** Its stored extension under originals/ (`.txt`, `.html.txt` …). */
  ext: string;
  /** Its path in content/ then: its name says the parser how to read it. */
  file?: string;
  /** Against the version before it; null when that one could not be read; absent for the first. */
  changes?: CellChange[] | null;
}

interface State {
  version: 1;
  /** Each report id's versions, oldest first. */
  reports: Record<string, Version[]>;
}

const STATE = 'revisions.json';

/**
 * The build's date in China Standard Time (the portal's readers'), YYYY-MM-DD. SOURCE_DATE_EPOCH (seconds),
 * the reproducible-builds convention, sets it for a build that must not depend on the day it runs.
 */
function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const now = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function readState(dir: string): State {
  const path = join(dir, STATE);
  if (!existsSync(path)) return { version: 1, reports: {} };
  const state = JSON.parse(readFileSync(path, 'utf8')) as State;
  if (state.version !== 1)
    throw new Error(
      `${path} has version ${state.version}, which this nianbao cannot read: upgrade nianbao, or move the folder aside (its earlier versions would no longer be published).`,
    );
  return state;
}

export interface Current {
  id: string;
  file: string;
  sha256: string;
  ext: string;
  /** Its report JSON, as this build wrote it (pending or published). */
  json: string;
}

/**
 * Compares each kept report with the state, archives the earlier version of each one whose original
 * changed (before this build's files replace it), and saves the state. Call before publishing.
 */
export async function recordVersions(dir: string, io: Io, parsePool: () => ParsePool, current: Current[]): Promise<void> {
  const state = readState(dir);
  const today = buildDate();
  let pool: ParsePool | undefined;
  for (const c of current) {
    const history = (state.reports[c.id] ??= []);
    const last = history.at(-1);
    if (last?.sha256 === c.sha256) continue;
    if (!last) {
      history.push({ sha256: c.sha256, seen: today, ext: c.ext, file: c.file });
      continue;
    }
    const files = revisionFiles(c.id, last.sha256, last.ext);
    const published = join(io.root, IN_GENERATED.original(c.id, last.ext));
    let changes: CellChange[] | null = null;
    if (existsSync(published)) {
      const original = join(dir, 'downloads', files.original);
      mkdirSync(dirname(original), { recursive: true });
      copyFileSync(published, original);
      const prefix = join(dir, 'downloads', files.json.replace(/\.json$/, ''));
      mkdirSync(dirname(prefix), { recursive: true });
      const parsed = await (pool ??= parsePool()).parse(last.file ?? c.file, readFileSync(original), prefix);
      if ('stored' in parsed) {
        const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;
        changes = cellChanges(read(join(dir, 'downloads', files.json)), read(c.json));
      } else io.log(`${c.file}: its earlier version (${last.sha256.slice(0, 12)}) could not be read again, so its figures are not compared`);
    } else io.log(`${c.file}: its original changed, but the earlier one is no longer in ${io.root}/downloads; the change is recorded without it`);
    history.push({ sha256: c.sha256, seen: today, ext: c.ext, file: c.file, changes });
  }
  await pool?.close();
  await fileIo(dir).write(STATE, JSON.stringify(state));
}

/**
 * The revisions of the kept reports (in their order), and their earlier versions linked into downloads/
 * (originals/revisions/, reports/revisions/) so the site publishes them; a removed report's are not.
 */
export function publishRevisions(dir: string, io: Io, ids: string[]): Revision[] {
  const state = readState(dir);
  for (const folder of ['originals/revisions', 'reports/revisions']) rmSync(join(io.root, 'downloads', folder), { recursive: true, force: true });
  const revisions: Revision[] = [];
  for (const id of ids) {
    const history = state.reports[id] ?? [];
    for (let i = 1; i < history.length; i++) {
      const [before, after] = [history[i - 1]!, history[i]!];
      const files = revisionFiles(id, before.sha256, before.ext);
      const has = (path: string) => existsSync(join(dir, 'downloads', path));
      for (const path of Object.values(files).filter(has)) link(join(dir, 'downloads', path), join(io.root, 'downloads', path));
      revisions.push({
        report: id,
        date: after.seen,
        sha256: after.sha256,
        previous: {
          sha256: before.sha256,
          seen: before.seen,
          original: has(files.original) ? files.original : null,
          json: has(files.json) ? files.json : null,
          csv: has(files.csv) ? files.csv : null,
        },
        changes: after.changes ?? null,
      });
    }
  }
  return revisions;
}

function link(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return; // the same version reached twice (a file changed back)
    if (!['EXDEV', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to);
  }
}
