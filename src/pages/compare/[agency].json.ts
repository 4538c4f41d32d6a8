// One JSON file per agency for the compare page (src/lib/compare-data.ts).
import type { APIRoute } from 'astro';
import { agencies, corpus, readReport } from '../../lib/data.ts';
import type { CompareAgency } from '../../lib/compare-data.ts';
import type { Agency } from '../../model/corpus.ts';

export function getStaticPaths() {
  return agencies().map((agency) => ({ params: { agency: agency.id }, props: { agency } }));
}

export const GET: APIRoute<{ agency: Agency }> = async ({ props: { agency } }) => {
  const own = (await corpus()).byAgency.get(agency.id) ?? [];
  const body: CompareAgency = {
    id: agency.id,
    name: agency.name,
    reports: own.map((s) => {
      const r = readReport(s.id);
      return {
        id: s.id,
        year: s.year,
        template: s.template,
        figures: s.figures,
        received: r.applications.received ?? null,
        review: r.review,
        litigationDirect: r.litigationDirect,
        litigationAfterReview: r.litigationAfterReview,
      };
    }),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
