// The public shape of one parsed report (../shared/spec/data-contract.md), declared once: the parser
// validates against it, the data files follow it and the site's content collection reuses it.
import { z } from 'zod';
import { CHECK_RULES, UNKNOWN_REASON_CODES, WARNING_CODES } from './diagnostics.ts';
import { APPLICANTS, REVIEW_BLOCKS, REVIEW_COLUMNS, TEMPLATES, type Column, type ReviewBlockKey } from './templates.ts';

export const SCHEMA_VERSION = 1;

/** A number, or null: a blank as printed, or "cannot tell" when the report's `unknown` names the cell. */
export const cell = z.number().nullable();
const cells = z.record(z.string(), cell);

/** An object with one cell per column of the template data. */
const cellsOf = <const C extends readonly Column[]>(columns: C) =>
  z.object(Object.fromEntries(columns.map((c) => [c.key, cell])) as Record<C[number]['key'], typeof cell>);

export const applicantRow = cellsOf(APPLICANTS);
export const reviewBlock = cellsOf(REVIEW_COLUMNS);
/** Table 四: one top-level key per block of the template data. */
const reviewBlocks = Object.fromEntries(REVIEW_BLOCKS.map((b) => [b.key, reviewBlock])) as Record<ReviewBlockKey, typeof reviewBlock>;
export const templateId = z.enum(TEMPLATES);
export const tableTemplates = z.object({ proactive: templateId.nullable(), applications: templateId.nullable() });

export const check = z.object({
  /** The rule checked (model/diagnostics.ts). */
  rule: z.enum(CHECK_RULES),
  /** true passed, false failed, null undecidable (a cell it needs is blank or unknown). */
  ok: z.boolean().nullable(),
  scope: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** Dotted paths of the cells the rule compared, so pages can mark them. */
  cells: z.array(z.string()),
  message: z.string(),
});

export const warning = z.object({
  /** Stable id of the kind of doubt, e.g. `table/inferred-boundaries` (model/diagnostics.ts). */
  code: z.enum(WARNING_CODES),
  message: z.string(),
  /** Dotted paths concerned, when the doubt is about cells. */
  cells: z.array(z.string()).optional(),
});

export const LEVELS = ['province', 'city', 'county', 'township', 'department', 'other'] as const;
export const level = z.enum(LEVELS);

export const report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/),
  agencyId: z.string().regex(/^[a-z0-9]+$/),
  file: z.string(),
  sha256: z.string(),
  format: z.enum(['txt', 'html', 'md', 'docx', 'pdf']),
  title: z.string().nullable(),
  agency: z.string(),
  year: z.number().int(),
  published: z.string().nullable(),
  level,
  region: z.string().nullable(),
  parent: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** Table 二's template, else table 三's. */
  template: templateId.nullable(),
  /** Each table's own template: a mixed report has a 2021 table 二 over a 2019 table 三. */
  tableTemplates,
  /** True when table cell boundaries were recovered from run-together text rather than read. */
  inferred: z.boolean(),
  /**
   * The cells whose value the arithmetic chose: their row's figures ran together and could be cut several
   * ways, and one cut satisfied the checks (dotted paths). Their checks then prove nothing on their own.
   */
  cut: z.array(z.string()).default([]),
  proactive: z.record(z.string(), cells),
  applications: z.record(z.string(), applicantRow),
  ...reviewBlocks,
  sections: z.record(z.string(), z.string()),
  raw: z.record(z.string(), z.string()),
  /** Cells nianbao could not tell (value null, not a printed blank), each with its reason (model/diagnostics.ts). */
  unknown: z.record(z.string(), z.enum(UNKNOWN_REASON_CODES)),
  /** The document's text as nianbao read it (tables as tab-separated lines): plain text, to be escaped where shown. */
  sourceText: z.string(),
  /** Per table row read (`proactive.licensing`, `applications.received`, `review`): where its printed figures stand in `sourceText`. */
  printed: z.record(z.string(), z.object({ text: z.string(), start: z.number().int(), end: z.number().int() })),
  /** A PDF's pages: where each page's text starts in `sourceText` (page n at index n − 1). */
  pageStarts: z.array(z.number().int()).optional(),
  checks: z.array(check),
  warnings: z.array(warning),
});

export type Report = z.infer<typeof report>;
export type Check = z.infer<typeof check>;
export type Warning = z.infer<typeof warning>;
export type Level = z.infer<typeof level>;
export type ApplicantRow = z.infer<typeof applicantRow>;
export type ReviewBlock = z.infer<typeof reviewBlock>;

export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  department: '部门',
  other: '其他',
};
