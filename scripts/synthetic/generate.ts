// The synthetic corpus: N reports of agencies in the hierarchy, each over consecutive years, in every
// input form and encoding the parser reads, streamed to disk (a window of reports in memory at a time)
// into reports/<province code>/<year>/, so no folder holds more than a few thousand files, with
// manifest.json beside reports/ listing everything printed.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { TEMPLATES } from '../../model/templates.ts';
import { agencies, type Agency } from './agencies.ts';
import { reportPaths } from '../../model/cell-paths.ts';
import { CHARSET, encode, ENCODING_SHARES, type Encoding } from './encode.ts';
import { DocxPool } from './docx-pool.ts';
import { DEFAULT_SHARES, figures, newAgencyState, type Figures, type Shares } from './figures.ts';
import { MANIFEST, MANIFEST_VERSION, type ManifestEntry } from './manifest.ts';
import { Random } from './random.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { PdfPrinter } from './render-pdf.ts';
import { renderText } from './render-text.ts';
import { composeReport, type ReportDocument } from './synthetic-report.ts';

/** The folder of the corpus holding the reports (and nothing else): the data stage's --content. */
export const REPORTS = 'reports';

export type Form = 'html' | 'text-cells' | 'text-tabs' | 'markdown' | 'docx' | 'pdf';

/** Forms by share of reports: HTML pages lead, Word exports as text next, Word files themselves are fewer. */
export const FORM_SHARES: Record<Exclude<Form, 'pdf'>, number> = { html: 40, 'text-cells': 22, 'text-tabs': 18, markdown: 14, docx: 6 };
const EXTENSION: Record<Form, string> = { html: 'html', 'text-cells': 'txt', 'text-tabs': 'txt', markdown: 'md', docx: 'docx', pdf: 'pdf' };

export interface PlannedReport {
  index: number;
  agency: Agency;
  year: number;
  form: Form;
  /** null for docx and pdf, which carry their own encoding. */
  encoding: Encoding | null;
  crlf: boolean;
  /** Path relative to the corpus folder. */
  file: string;
  figures: Figures;
  /** The report's own stream, for choices made while rendering. */
  rnd: Random;
}

export interface CorpusOptions {
  reports: number;
  seed: number;
  shares?: Shares;
  /** Every agency reports this year only: a corpus of one year (the bench's search of a national year). */
  year?: number;
  /**
   * Share of agencies publishing their report as a PDF printed from its web page (render-pdf.ts, needs
   * Chromium). 0 by default: the other forms' corpus is the same with or without PDFs.
   */
  pdf?: number;
}

/** The corpus report by report, without writing anything. Report i is the same whatever N is. */
export function* planCorpus({ reports, seed, shares = DEFAULT_SHARES, year: only, pdf = 0 }: CorpusOptions): Generator<PlannedReport> {
  let index = 0;
  for (const agency of agencies(seed)) {
    // An agency publishes on one site, so it mostly keeps one form and encoding from year to year.
    const style = new Random(seed, 'style', agency.index);
    const styleOf = () => {
      const form = style.choose(FORM_SHARES);
      return { form, encoding: form === 'docx' ? null : style.choose(ENCODING_SHARES), crlf: form !== 'docx' && style.chance(0.25) };
    };
    const usual = styleOf();
    const state = newAgencyState();
    for (const year of only ? [only] : agency.years) {
      if (index >= reports) return;
      const { form, encoding, crlf } = pdf > 0 && new Random(seed, 'pdf', agency.index).chance(pdf) ? PDF : style.chance(0.8) ? usual : styleOf();
      const rnd = new Random(seed, 'report', agency.index, year);
      const file = `${REPORTS}/${agency.provinceCode}/${year}/${String(agency.index).padStart(6, '0')}-${year}.${EXTENSION[form]}`;
      yield { index: index++, agency, year, form, encoding, crlf, file, figures: figures(agency, year, state, rnd, shares), rnd };
    }
  }
}

const PDF = { form: 'pdf' as const, encoding: null, crlf: false };

/** A planned report's document and bytes, in its form and encoding; Word files come from `docx`, PDFs from `pdf`. */
async function renderReport(r: PlannedReport, docx: (doc: ReportDocument) => Promise<Uint8Array>, pdf: () => PdfPrinter) {
  const doc = composeReport(r.agency, r.year, r.figures, r.rnd);
  if (r.form === 'docx') return { doc, bytes: await docx(doc) };
  if (r.form === 'pdf') return { doc, bytes: await pdf().print(renderHtml(doc, r.agency, 'utf-8', r.rnd)) };
  const text =
    r.form === 'html'
      ? renderHtml(doc, r.agency, CHARSET[r.encoding!], r.rnd)
      : r.form === 'markdown'
        ? renderMarkdown(doc)
        : renderText(doc, r.form === 'text-cells' ? 'cells' : 'tabs', r.rnd);
  return { doc, bytes: encode(text, r.encoding!, r.crlf) };
}

export interface WriteOptions extends CorpusOptions {
  out: string;
  /**
   * Also write reports/agencies.csv with every agency's region: the synthetic places are made up, so the
   * data stage can place an agency only in its province from its name, and a search index split by
   * province (model/search-bundles.ts) needs each report's region.
   */
  regions?: boolean;
  /** Write only reports from this index on (the rest are planned, not rendered): "one new report". */
  from?: number;
  onProgress?: (written: number) => void;
}

export interface WriteResult {
  files: number;
  bytes: number;
  seconds: number;
}

interface Job {
  report: PlannedReport;
  rendered: ReturnType<typeof renderReport>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Refuses the sample site's content/ and folders that already hold files. */
export function checkOut(out: string): void {
  const content = join(ROOT, 'content');
  const target = resolve(out);
  if (target === content || !relative(content, target).startsWith('..')) {
    throw new Error(`refusing to write the synthetic corpus into ${relative(ROOT, target) || '.'}: content/ is the sample site; use --out bench-out/…`);
  }
  if (target === ROOT || !relative(target, ROOT).startsWith('..')) throw new Error(`refusing to write the synthetic corpus over the project at ${target}`);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty; remove it or pass another --out`);
}

export async function writeCorpus(options: WriteOptions): Promise<WriteResult> {
  const { out, from = 0, onProgress } = options;
  checkOut(out);
  const started = performance.now();
  mkdirSync(out, { recursive: true });
  const manifestTmp = join(out, `${MANIFEST}.tmp`);
  const fd = openSync(manifestTmp, 'w');
  writeSync(
    fd,
    `{"version":${MANIFEST_VERSION},"seed":${options.seed},"reports":${options.reports},"from":${from},"year":${options.year ?? null},` +
      `"shares":${JSON.stringify(options.shares ?? DEFAULT_SHARES)},"pdf":${options.pdf ?? 0},` +
      `"cellPaths":${JSON.stringify(Object.fromEntries(TEMPLATES.map((t) => [t, reportPaths({ proactive: t, applications: t })])))},\n"files":[\n`,
  );
  const made = new Set<string>();
  const regions = new Map<string, string>();
  let files = 0;
  let bytes = 0;
  const write = async (job: Job) => {
    const { doc, bytes: content } = await job.rendered;
    const path = join(out, job.report.file);
    if (!made.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      made.add(dirname(path));
    }
    writeFileSync(path, content);
    if (options.regions) regions.set(job.report.agency.name, job.report.agency.region);
    writeSync(fd, `${files ? ',\n' : ''}${JSON.stringify(entry(job.report, doc.title, doc.published))}`);
    files++;
    bytes += content.length;
    if (files % 1000 === 0) onProgress?.(files);
  };
  // Word files render in a worker while the main thread goes on; files are written in corpus order.
  const pool = new DocxPool();
  let printer: PdfPrinter | undefined;
  const window: Job[] = [];
  try {
    for (const report of planCorpus(options)) {
      if (report.index < from) continue;
      window.push({
        report,
        rendered: renderReport(
          report,
          (doc) => pool.render(doc),
          () => (printer ??= new PdfPrinter()),
        ),
      });
      if (window.length >= 64) await write(window.shift()!);
    }
    while (window.length) await write(window.shift()!);
  } finally {
    await pool.close();
    await printer?.close();
  }
  writeSync(fd, '\n]}\n');
  closeSync(fd);
  if (options.regions) writeFileSync(join(out, REPORTS, 'agencies.csv'), `agency,region\n${[...regions].map((row) => row.join(',')).join('\n')}\n`);
  renameSync(manifestTmp, join(out, MANIFEST)); // the manifest appears only once every file is written
  return { files, bytes, seconds: (performance.now() - started) / 1000 };
}

function entry(r: PlannedReport, title: string, published: string): ManifestEntry {
  const { agency, figures: f } = r;
  return {
    file: r.file,
    agency: agency.name,
    level: agency.level,
    region: agency.region,
    parent: agency.parent,
    year: r.year,
    title,
    published,
    template: f.template,
    form: r.form,
    encoding: r.encoding,
    crlf: r.crlf,
    blanks: f.blanks,
    perturbed: f.perturbed,
    broken: f.broken,
    values: reportPaths({ proactive: f.template, applications: f.template }).map((p) => f.values.get(p) ?? null),
  };
}
