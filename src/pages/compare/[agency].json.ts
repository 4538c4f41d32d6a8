// One JSON file per agency for the compare page (src/compare/compare-data.ts).
import type { APIRoute } from 'astro';
import { agencies, corpus, disputeCells, movedIds, readReport, shardPages } from '../../data/site-data.ts';
import { cellMarks } from '../../../model/marks.ts';
import type { Summary } from '../../../model/summary.ts';
import type { CompareAgency, CompareReport } from '../../compare/compare-data.ts';
import { reportUrl } from '../../render/url.ts';
import { jsonResponse } from '../../data/json-response.ts';
import type { Agency } from '../../../model/corpus.ts';
import { applicationRowPaths, REVIEW_PATHS } from '../../../model/cell-paths.ts';

const DISPUTE_PATHS = [...applicationRowPaths('received'), ...REVIEW_PATHS];

export function getStaticPaths() {
  // Under its former ids too (merged or newly placed agencies), so that compare links made before still work.
  return shardPages(() => {
    const byId = new Map(agencies().map((a) => [a.id, a]));
    return [
      ...agencies().map((agency) => ({ params: { agency: agency.id }, props: { agency } })),
      ...[...movedIds().agencies].map(([from, to]) => ({ params: { agency: from }, props: { agency: byId.get(to)! } })),
    ];
  });
}

/** The marks of the cells compare charts one by one (row 一 and table 四), read from the report only when it has any. */
function marksOf(s: Summary, paths: string[]): Pick<CompareReport, 'failedCells' | 'cutCells' | 'cellParts'> {
  if (s.failed === 0 && s.warnings === 0 && !s.inferred) return { failedCells: [], cutCells: [], cellParts: {} };
  const marks = cellMarks(readReport(s.id));
  const parts = paths.filter((p) => marks.parts(p).length > 0);
  return {
    failedCells: paths.filter((p) => marks.grade(p) === 'failed'),
    cutCells: paths.filter((p) => marks.grade(p) === 'cut'),
    cellParts: Object.fromEntries(parts.map((p) => [p, marks.parts(p)])),
  };
}

export const GET: APIRoute<{ agency: Agency }> = async ({ props: { agency } }) => {
  const own = (await corpus()).byAgency.get(agency.id) ?? [];
  const body: CompareAgency = {
    id: agency.id,
    name: agency.name,
    reports: own.map((s): CompareReport => ({
      id: s.id,
      year: s.year,
      template: s.template,
      figures: s.figures,
      unknownFigures: s.unknownFigures,
      failedFigures: s.failedFigures,
      cutFigures: s.cutFigures,
      figureParts: s.figureParts,
      ...disputeCells().get(s.id)!,
      ...marksOf(s, DISPUTE_PATHS),
      checked: s.checked,
      failed: s.failed,
      undecided: s.undecided,
      inferred: s.inferred,
      unknownCells: s.unknownCells,
      url: reportUrl(s.id),
      sourceUrl: s.sourceUrl,
    })),
  };
  return jsonResponse(body);
};
