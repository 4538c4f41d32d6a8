// One JSON file per agency for the compare page (src/compare/compare-data.ts).
import type { APIRoute } from 'astro';
import { agencies, corpus, disputeCells, shardPages } from '../../data/site-data.ts';
import type { CompareAgency, CompareReport } from '../../compare/compare-data.ts';
import { reportUrl } from '../../render/url.ts';
import { jsonResponse } from '../../data/json-response.ts';
import type { Agency } from '../../../model/corpus.ts';

export function getStaticPaths() {
  return shardPages(agencies().map((agency) => ({ params: { agency: agency.id }, props: { agency } })));
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
      ...disputeCells().get(s.id)!,
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
