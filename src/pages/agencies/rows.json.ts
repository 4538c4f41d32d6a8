// Every row of the agency list, for its filters and sorting (src/render/long-table.ts).
import { agencyRowHtml, agencyRows } from '../../render/agency-rows.ts';
import { jsonResponse } from '../../data/json-response.ts';

export const GET = async () => jsonResponse((await agencyRows()).map(agencyRowHtml));
