// Agency names for the search page's agency shortcut (src/search/agency-names.ts), one file per province
// (by its division code; `none` for agencies in no province), gzipped (src/search/gzip-response.ts).
import type { APIRoute } from 'astro';
import { agencyNames as names, hubPages, site } from '../../../data/site-data.ts';
import { agencyNames } from '../../../search/agency-names.ts';
import { gzipJsonResponse } from '../../../search/gzip-response.ts';

export const getStaticPaths = () => hubPages(site().names.map(({ part }) => ({ params: { part } })));

export const GET: APIRoute = ({ params }) => gzipJsonResponse(agencyNames(names(params.part!)));
