// Every read of a generated file goes through here: a file that is missing, not JSON or not in its shape
// (an older build's, one cut short, one edited by hand) stops with one sentence naming the file, the element
// and the field and saying what to do, never a raw zod dump or a page rendered from half the data.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

const REBUILD = 'run `npm run build` to write the generated data again';

/** A generated file's JSON, checked against `schema` when one is given (a file without a schema is only parsed). */
export function readGenerated<S extends z.ZodType>(file: string, schema: S): z.infer<S>;
export function readGenerated<T>(file: string): T;
export function readGenerated(file: string, schema?: z.ZodType): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const error = new GeneratedFileError(code === 'ENOENT' ? `${file} does not exist: ${REBUILD}.` : `${file} cannot be read (${code ?? cause}).`, { cause });
    error.missing = code === 'ENOENT';
    throw error;
  }
  return parseGenerated(file, text, schema);
}

/** `text`, the content of generated `file`, parsed and checked (readGenerated without the disk). */
export function parseGenerated(file: string, text: string, schema?: z.ZodType): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new GeneratedFileError(`${file} is not valid JSON (${(cause as Error).message}); it was cut short or edited: ${REBUILD}.`, { cause });
  }
  if (!schema) return data;
  const checked = schema.safeParse(data);
  if (checked.success) return checked.data;
  const [first, ...more] = checked.error.issues;
  const others = more.length ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : '';
  throw new GeneratedFileError(`${file}: ${where(first!.path)}: ${what(first!, valueAt(data, first!.path))}${others}; ${REBUILD}.`);
}

/** A generated file nianbao cannot use: its message is the whole story (no stack needed to act on it). */
export class GeneratedFileError extends Error {
  override name = 'GeneratedFileError';
  /** The file does not exist (some are written only by some builds). */
  missing = false;
}

/** Whether `error` says the generated file is not there, for the files a build may not write. */
export const isMissing = (error: unknown): boolean => error instanceof GeneratedFileError && error.missing;

/** [12, 'figures', 'received'] → "element 12, field figures.received". */
function where(path: PropertyKey[]): string {
  if (!path.length) return 'the whole file';
  const parts: string[] = [];
  for (const key of path) {
    const last = parts.at(-1);
    if (typeof key === 'number') parts.push(`element ${key}`);
    else if (last?.startsWith('field ')) parts[parts.length - 1] = `${last}.${String(key)}`;
    else parts.push(`field ${String(key)}`);
  }
  return parts.join(', ');
}

const valueAt = (data: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

const A: Record<string, string> = { number: 'a number', string: 'a text', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' };

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value);
  return `${A[typeof value] ?? typeof value} (${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown})`;
}

function what(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${A[issue.expected] ?? issue.expected}, got ${describe(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    default:
      return `${issue.message}, got ${describe(value)}`;
  }
}
