// A worker of the parse pool (pool.ts): one file's bytes in; out, its report and CSV (`nianbao parse`),
// or, for the data stage (`store`), its downloads written and what the stage keeps of it; or its error.
import { workerData } from 'piscina';
import { parseBytes } from '../parser/index.ts';
import { applyAgencyInfo, readAgencies, type AgencyInfo } from './agencies-csv.ts';
import type { Parsed } from './pool.ts';
import { reportCsv } from './report-files.ts';
import { storeReport } from './report-outputs.ts';

// `nianbao parse` prints nothing but JSON lines on stdout, and a worker's console is the process's.
console.log = console.error;

/** content/agencies.csv as the stage read it (pool.ts passes it to every worker). */
let overrides: Map<string, AgencyInfo> | undefined;
const agencyInfo = () => (overrides ??= readAgencies((workerData as { agenciesCsv?: string } | undefined)?.agenciesCsv ?? '').byName);

export default async function parse({ file, bytes, store }: { file: string; bytes: Uint8Array; store?: string }): Promise<Parsed> {
  try {
    const outcome = await parseBytes(file, bytes);
    // A parser bug is nianbao's failure, never the file's: listed as internal, logged, and not remembered (stage.ts).
    if ('error' in outcome) return outcome.kind === 'input' ? { error: outcome.error } : { failure: outcome.error, internal: true, stack: outcome.stack };
    if (!store) return { report: outcome.report, csv: reportCsv(outcome.report) };
    const report = applyAgencyInfo(outcome.report, agencyInfo());
    return { stored: storeReport(report, reportCsv(report), store) };
  } catch (error) {
    // The disk full or gone stops the build (pool.ts `stop`); a bug on one file stops only that file.
    if ((error as NodeJS.ErrnoException).syscall) return { failure: `could not write its downloads: ${(error as Error).message}`, stop: true };
    // A parser bug, not bad input (a stack overflow lands here too): the stack is for the maintainer's
    // log, never for a page.
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { failure: "internal error in nianbao's parser (its stack trace is in the build log); please report the file", internal: true, stack };
  }
}
