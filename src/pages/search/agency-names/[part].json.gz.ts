// The search page's agency-name files (src/search/agency-names.ts), as the page data has them
// (scripts/page-data/name-files.ts): each kind's files and their sizes, gzipped (src/search/gzip-response.ts).
import type { APIRoute } from 'astro';
import { agencyNames, hubPages, site } from '../../../data/site-data.ts';
import { nameParts, sizesOf } from '../../../search/agency-names.ts';
import { gzipJsonResponse } from '../../../search/gzip-response.ts';

export const getStaticPaths = () => hubPages(nameParts(site().names).map((part) => ({ params: { part } })));

export const GET: APIRoute = ({ params }) => {
  const kind = sizesOf(params.part!);
  return gzipJsonResponse(kind ? site().names[kind] : agencyNames(params.part!));
};
