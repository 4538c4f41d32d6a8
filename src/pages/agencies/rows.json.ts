// Every row of the agency list, for its filters and sorting (src/lib/long-table.ts).
import { agencyRowHtml, agencyRows } from '../../lib/agency-rows.ts';
import { jsonResponse } from '../../lib/json-response.ts';

export const GET = async () => jsonResponse((await agencyRows()).map(agencyRowHtml));
