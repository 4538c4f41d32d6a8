// One JSON file per agency for the compare page (src/lib/compare-data.ts).
import type { APIRoute } from 'astro';
import { agencies, readReport, summaries } from '../../lib/data.ts';
import type { CompareAgency } from '../../lib/compare-data.ts';

export function getStaticPaths() {
  return agencies().map((a) => ({ params: { agency: a.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const agency = agencies().find((a) => a.id === params.agency)!;
  const own = (await summaries()).filter((s) => s.agencyId === agency.id);
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
