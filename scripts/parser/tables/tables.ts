// The statistics tables of one document: which templates they follow, and each template row's
// printed cells, read from real tables where the document has them and from its text otherwise.
import type { TemplateId } from '../../../model/templates.ts';
import { proseToText, textLayout, type Document, type TableBlock } from '../read/document.ts';
import { fold } from '../read/fold.ts';
import { applicationSpecs, proactiveSpecs, REVIEW_SPEC, type RowSpec } from './row-specs.ts';
import type { RowObservation } from '../solve/solve.ts';
import { gridRows, observeGrid, observeReviewGrid } from './tables-grid.ts';
import { observeText, type Refusal } from './tables-text.ts';
import { detectTemplates, type Detected } from './template-detect.ts';
import { equations } from '../solve/equations.ts';

export interface Tables {
  detected: Detected;
  /** Table 二's template, else table 三's: the report's `template`. */
  template: TemplateId | null;
  observed: Map<RowSpec, RowObservation>;
  /** Rows looked for and not found. */
  notFound: RowSpec[];
  /** Rows of tables whose layout was lost, left unread, with the warning code saying how (tables-text.ts). */
  refused: Refusal[];
  /** Where tables sit in the (folded) prose, so narrative and prose figures leave them out. */
  spans: [number, number][];
  /** documentText(doc): the text the 原文 view shows. */
  sourceText: string;
  /** Where each row's printed figures stand in `sourceText`. */
  printedAt: Map<RowSpec, [number, number]>;
  /** Table 三's cells were chosen by the arithmetic among the orders its figures may have been printed in. */
  ordered: boolean;
}

/** `folded` is the document's prose, folded (fold.ts). */
export function readTables(doc: Document, folded: string): Tables {
  const layout = textLayout(doc);
  const detected = detectTemplates(fold(layout.text));
  const proactive = detected.proactive ? proactiveSpecs(detected.proactive) : [];
  const applications = detected.applications ? applicationSpecs(detected.applications) : [];

  const grid = gridRows(
    doc.blocks.filter((b): b is TableBlock => b.kind === 'table'),
    layout.rows,
  );
  const fromProactive = observeGrid(grid, proactive);
  const fromApplications = observeGrid(grid, applications, fromProactive.next);
  const review = observeReviewGrid(grid, REVIEW_SPEC, fromApplications.next);
  const observed = new Map<RowSpec, RowObservation>([...fromProactive.found, ...fromApplications.found]);
  const printedAt = new Map([...fromProactive.at, ...fromApplications.at]);
  if (review) observed.set(REVIEW_SPEC, review.row);
  if (review?.at) printedAt.set(REVIEW_SPEC, review.at);

  // A table not read as a table is looked for in the text (crawled pages, pdftotext).
  const unread = (specs: RowSpec[]) => (specs.some((s) => observed.has(s)) ? [] : specs);
  const text = observeText(folded, unread(proactive), unread(applications), observed.has(REVIEW_SPEC) ? null : REVIEW_SPEC, equations(detected.applications));
  for (const [spec, row] of text.found) observed.set(spec, row);
  // A table refused whole (its blocks open with figures, or its columns came apart) is left out whole;
  // otherwise only the rows whose figures could not be told apart.
  const refused = text.refused.filter((r, i, all) => all.findIndex((q) => q.spec === r.spec) === i);
  for (const [spec, span] of text.at) {
    const inText = proseToText(layout, span);
    if (inText) printedAt.set(spec, inText);
  }

  return {
    detected,
    template: detected.proactive ?? detected.applications,
    observed,
    notFound: [...proactive, ...applications, REVIEW_SPEC].filter((s) => !observed.has(s) && !refused.some((r) => r.spec === s)),
    refused,
    spans: text.spans,
    sourceText: layout.text,
    printedAt,
    ordered: text.ordered,
  };
}
