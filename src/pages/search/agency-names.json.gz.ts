// Agency names for the search page's agency shortcut (src/search/agency-names.ts), gzipped (src/search/gzip-response.ts).
import { agencies } from '../../data/site-data.ts';
import { agencyNames } from '../../search/agency-names.ts';
import { gzipJsonResponse } from '../../search/gzip-response.ts';

export const GET = () => gzipJsonResponse(agencyNames(agencies()));
