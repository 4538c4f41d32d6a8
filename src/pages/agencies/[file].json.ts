// Every row of the agency list, for its filters and sorting (src/render/long-table.ts), when the list is short enough to send whole.
import { agencyRowHtml } from '../../render/agency-rows.ts';
import { allRows, hubPages, listRows } from '../../data/site-data.ts';
import { jsonResponse } from '../../data/json-response.ts';
import { ALL_ROWS, lists, type AgencyRow } from '../../../model/page-data.ts';

export const getStaticPaths = () => hubPages(listRows(lists.agencies) <= ALL_ROWS ? [{ params: { file: 'rows' } }] : []);

export const GET = () => jsonResponse((allRows<AgencyRow>(lists.agencies) ?? []).map(agencyRowHtml));
