// Agency names for the search page's agency shortcut (src/search/agency-names.ts).
import { agencies } from '../../data/site-data.ts';
import { jsonResponse } from '../../data/json-response.ts';
import { agencyNames } from '../../search/agency-names.ts';

export const GET = () => jsonResponse(agencyNames(agencies()));
