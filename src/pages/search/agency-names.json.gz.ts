// Agency names for the search page's agency shortcut (src/search/agency-names.ts), gzipped (src/search/gzip-response.ts).
import { agencies } from '../../data/site-data.ts';
import { agencyNames } from '../../search/agency-names.ts';
import { gzipJsonResponse } from '../../search/gzip-response.ts';
import { provinceOf } from '../../search/provinces.ts';

export const GET = () => gzipJsonResponse(agencyNames(agencies().map((a) => ({ id: a.id, name: a.name, province: provinceOf(a.region)?.name }))));
