// Every row of the data-quality list, for its filters and sorting (src/render/long-table.ts), when the list is short enough to send whole.
import { jsonResponse } from '../../data/json-response.ts';
import { allRows, hubPages, listRows } from '../../data/site-data.ts';
import { qualityRowHtml } from '../../render/quality-rows.ts';
import { ALL_ROWS, lists, type QualityRow } from '../../../model/page-data.ts';

export const getStaticPaths = () => hubPages(listRows(lists.quality) <= ALL_ROWS ? [{ params: { file: 'rows' } }] : []);

export const GET = () => jsonResponse((allRows<QualityRow>(lists.quality) ?? []).map(qualityRowHtml));
