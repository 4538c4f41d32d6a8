// Every row of the data-quality list, for its filters and sorting (src/render/long-table.ts).
import { jsonResponse } from '../../data/json-response.ts';
import { qualityRowHtml, qualityRows } from '../../render/quality-rows.ts';

export const GET = async () => jsonResponse((await qualityRows()).map(qualityRowHtml));
