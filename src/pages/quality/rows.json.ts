// Every row of the data-quality list, for its filters and sorting (src/lib/long-table.ts).
import { jsonResponse } from '../../lib/json-response.ts';
import { qualityRowHtml, qualityRows } from '../../lib/quality-rows.ts';

export const GET = async () => jsonResponse((await qualityRows()).map(qualityRowHtml));
