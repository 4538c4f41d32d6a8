// The nianbao command: `nianbao --help`, `nianbao help <command>`, and the commands below. Arguments are
// read with node:util parseArgs (strict: an unknown option or a missing value is one line of error and
// exit code 2, never a stack trace).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { listInputs, problemOf, readInput, type Inputs } from './stage/inputs.ts';
import { parsePool, type Parsed } from './stage/pool.ts';
import { checkSummary } from './check-summary.ts';
import { runDataStage } from './stage/stage.ts';
import { lockBuild } from './site/build-lock.ts';
import { DEFAULT_GENERATED } from '../model/generated.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Command {
  usage: string;
  summary: string;
  /** Option → what it does, for help. */
  help: Record<string, string>;
  options: Options;
  run(files: string[], values: Values): Promise<number>;
}

const CONTENT = { content: { type: 'string', default: 'content' } } satisfies Options;
const OUT = { out: { type: 'string', default: DEFAULT_GENERATED } } satisfies Options;
const WORKERS = { workers: { type: 'string' } } satisfies Options;

const COMMANDS: Record<string, Command> = {
  parse: {
    usage: 'nianbao parse <file>...',
    summary: 'parse report files: one JSON line per file on stdout, in order (its report, or {"file","error"})',
    help: {},
    options: {},
    // Each file is parsed in the worker pool within its budget, so a file that crashes or hangs the parser still gets its line.
    run: async (files) => (files.length ? ((await parseEach(files)) ? 1 : 0) : usageError('parse needs at least one file')),
  },
  check: {
    usage: 'nianbao check [FILE|FOLDER...] [--content DIR] [--out DIR] [--workers N]',
    summary: 'parse the reports and print what a maintainer should act on; exit 1 if a file could not be read',
    help: {
      'FILE|FOLDER': 'check only these files (a folder: every file in it), with --content’s agencies.csv; generated/ is not touched',
      '--content DIR': 'the reports (default content); without FILE every file in it is checked',
      '--out DIR': 'where the data stage writes when checking all of --content (default generated)',
      '--workers N': 'parser threads (default: one per core)',
    },
    options: { ...CONTENT, ...OUT, ...WORKERS },
    run: async (files, values) => {
      const result = files.length ? await checkFiles(files, values) : await stage(values);
      console.log(checkSummary(result));
      return result.info.errors.length ? 1 : 0;
    },
  },
  data: {
    usage: 'nianbao data [--content DIR] [--out DIR] [--workers N]',
    summary: 'run the data stage alone (content/ → generated/) and print its timing',
    help: {
      '--content DIR': 'the reports (default content)',
      '--out DIR': 'where the data stage writes (default generated)',
      '--workers N': 'parser threads (default: one per core)',
    },
    options: { ...CONTENT, ...OUT, ...WORKERS },
    run: async (_, values) => {
      const { info, counts, seconds } = await stage(values);
      console.log(
        `data stage: ${info.reports} reports, ${info.errors.length} files not read, ${seconds.total.toFixed(2)} s (parse ${seconds.parse.toFixed(2)} s, write ${seconds.write.toFixed(2)} s, of which Parquet and data package ${seconds.downloads.toFixed(2)} s; ${counts.added} new, ${counts.changed} changed, ${counts.fresh} unchanged, ${counts.removed} removed)`,
      );
      return 0;
    },
  },
  help: {
    usage: 'nianbao help [<command>]',
    summary: 'say what the commands (or one command) do and take',
    help: {},
    options: {},
    run: async ([name]) => {
      if (name !== undefined && !COMMANDS[name]) usageError(`unknown command "${name}"`);
      console.log(name === undefined ? overview() : commandHelp(name));
      return 0;
    },
  },
};

/** Exit code 2 for a mistake in the command line: one line saying what, one saying where help is. */
class UsageError extends Error {}
function usageError(message: string): never {
  throw new UsageError(message);
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'nianbao: parse and check 政府信息公开工作年度报告 (npm run -s nianbao -- <command> …)',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'nianbao help <command> (or <command> --help) says what a command takes.',
    'The site is built with npm run build (its options: npm run build -- --help).',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  const width = Math.max(0, ...Object.keys(c.help).map((k) => k.length));
  return [
    `usage: ${c.usage}`,
    '',
    c.summary,
    ...(Object.keys(c.help).length ? ['', ...Object.entries(c.help).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)] : []),
  ].join('\n');
}

/** The data stage, holding the build lock of its generated folder (a build may be writing it). */
async function stage(values: Values) {
  const out = resolve(String(values.out));
  const lock = await lockBuild([out], (m) => console.error(m));
  try {
    return await runDataStage({ contentDir: String(values.content), outDir: out, workers: workers(values) });
  } finally {
    await lock.release();
  }
}

/** The given files (folders: their files) through the data stage, into a scratch folder that is removed after. */
async function checkFiles(paths: string[], values: Values) {
  const inputs: Inputs = { files: [], problems: [] };
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isFolder) {
      const within = await listInputs(path);
      inputs.files.push(...within.files);
      inputs.problems.push(...within.problems);
    } else inputs.files.push(path);
  }
  const out = await mkdtemp(join(tmpdir(), 'nianbao-check-'));
  try {
    return await runDataStage({ contentDir: String(values.content), outDir: out, inputs, workers: workers(values) });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function workers(values: Values): number | undefined {
  if (values.workers === undefined) return undefined;
  const n = Number(values.workers);
  return Number.isInteger(n) && n > 0 ? n : usageError(`--workers "${values.workers}" is not a positive whole number`);
}

/** Prints each file's line in order, parsing a few at a time; returns how many failed. */
async function parseEach(paths: string[]): Promise<number> {
  const pool = parsePool();
  const answer = async (file: string): Promise<Parsed> => {
    try {
      return await pool.parse(file, (await readInput(file)).bytes);
    } catch (error) {
      return { error: problemOf(error) };
    }
  };
  let failed = 0;
  try {
    const ahead: Promise<Parsed>[] = [];
    for (let i = 0; i < paths.length; i++) {
      while (ahead.length < 4 && i + ahead.length < paths.length) ahead.push(answer(paths[i + ahead.length]));
      const parsed = await ahead.shift()!;
      if ('report' in parsed) {
        process.stdout.write(JSON.stringify(parsed.report) + '\n');
        continue;
      }
      failed++;
      const error = 'error' in parsed ? parsed.error : 'failure' in parsed ? parsed.failure : 'no report';
      console.error(`${paths[i]}: ${error}${'stack' in parsed && parsed.stack ? `\n${parsed.stack}` : ''}`);
      process.stdout.write(JSON.stringify({ file: paths[i], error }) + '\n');
    }
  } finally {
    await pool.close();
  }
  return failed;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    console.log(overview());
    return first === undefined ? 2 : 0;
  }
  const command = COMMANDS[first];
  if (!command) usageError(first.startsWith('-') ? `unknown option "${first}" (a command comes first)` : `unknown command "${first}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(first));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') usageError(`unknown option "${option}" for ${first}`);
    // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: its message says which option and why.
    usageError(message.split('\n')[0]!);
  }
  return command.run(parsed.positionals, parsed.values);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`nianbao: ${error.message}. See nianbao --help.`);
  process.exitCode = 2;
}
