// What the data stage writes besides the reports themselves (model/generated.ts says where). Pages read only these files.
import { z } from 'zod';
import { level } from './report.ts';

/** Extensions a browser would render as a page or run (content/ holds only html among them, but be safe). */
const ACTIVE = new Set(['html', 'htm', 'xhtml', 'shtml', 'svg', 'xml', 'js', 'mjs']);

/**
 * A report's original bytes as served under `/data/originals/`: byte-identical, but never a page that runs
 * on the portal's origin. An HTML original would run its scripts there, so it is stored as `<id>.html.txt`
 * (served as plain text; the download link names it `.html` again). Other formats keep their extension.
 */
export function originalFile(id: string, file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? 'txt';
  return `originals/${id}.${ext}${ACTIVE.has(ext) ? '.txt' : ''}`;
}

/** R8 for one agency: last year's 结转下年度 against this year's 上年结转, per column. */
const carryOver = z.object({
  column: z.string(),
  fromReport: z.string(),
  toReport: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  carriedForward: z.number().nullable(),
  carriedOver: z.number().nullable(),
  message: z.string(),
});

export const agency = z.object({
  id: z.string(),
  name: z.string(),
  /** Every name its reports used (with and without the city prefix, 街道/街道办事处 …), newest first. */
  names: z.array(z.string()),
  level,
  region: z.string().nullable(),
  parent: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** Report ids, oldest year first. */
  reports: z.array(z.string()),
  years: z.array(z.number()),
  /** R8 breaks between consecutive years. */
  carryOverBreaks: z.array(carryOver),
  /** Ids the agency had before its names were merged or placed by the current identity rules: /agencies/<id>/ redirects here. */
  formerIds: z.array(z.string()).default([]),
  /** Report ids that changed with them, old → current: /reports/<old>/ redirects to the current page. */
  formerReports: z.record(z.string(), z.string()).default({}),
});

const buildError = z.object({
  file: z.string(),
  /** What is wrong, in a sentence; never a stack trace (the build log has those). */
  error: z.string(),
  /** nianbao's own bug, not a problem of the file: pages say 内部错误，已记录. */
  internal: z.boolean().optional(),
});

/** Something in a file that is not a report (agencies.csv) that the build could not use: a row skipped, a value ignored. */
const buildWarning = z.object({
  file: z.string(),
  line: z.number(),
  warning: z.string(),
});

export const buildInfo = z.object({
  generatedAt: z.string(),
  parserVersion: z.string(),
  reports: z.number(),
  agencies: z.number(),
  years: z.array(z.number()),
  /** Every input file that did not become a page, with its reason. */
  errors: z.array(buildError),
  /** agencies.csv rows skipped and values ignored, by line (the rest of the file applies). */
  warnings: z.array(buildWarning).default([]),
});

export type Agency = z.infer<typeof agency>;
export type CarryOver = z.infer<typeof carryOver>;
export type BuildError = z.infer<typeof buildError>;
export type BuildWarning = z.infer<typeof buildWarning>;
export type BuildInfo = z.infer<typeof buildInfo>;
