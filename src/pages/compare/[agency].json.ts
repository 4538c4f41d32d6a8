// One JSON file per agency for the compare page (src/compare/compare-data.ts).
import type { APIRoute } from 'astro';
import { agencies, corpus, disputeCells, hubPages } from '../../data/site-data.ts';
import type { CompareAgency } from '../../compare/compare-data.ts';
import { jsonResponse } from '../../data/json-response.ts';
import type { Agency } from '../../../model/corpus.ts';

export function getStaticPaths() {
  return hubPages(agencies().map((agency) => ({ params: { agency: agency.id }, props: { agency } })));
}

export const GET: APIRoute<{ agency: Agency }> = async ({ props: { agency } }) => {
  const own = (await corpus()).byAgency.get(agency.id) ?? [];
  const body: CompareAgency = {
    id: agency.id,
    name: agency.name,
    reports: own.map((s) => ({ id: s.id, year: s.year, template: s.template, figures: s.figures, ...disputeCells().get(s.id)! })),
  };
  return jsonResponse(body);
};
