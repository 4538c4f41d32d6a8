// Every row of a year's ranking, for its sorting (src/render/long-table.ts), when the year is short enough to send whole.
import type { APIRoute } from 'astro';
import { allRows, hubPages, listRows, site } from '../../../data/site-data.ts';
import { figuresRowHtml } from '../../../render/figures-rows.ts';
import { jsonResponse } from '../../../data/json-response.ts';
import { ALL_ROWS, lists } from '../../../../model/page-data.ts';
import type { Summary } from '../../../../model/summary.ts';

export function getStaticPaths() {
  return hubPages(site().years.filter((year) => listRows(lists.ranking(year)) <= ALL_ROWS)).map((year) => ({
    params: { year: String(year) },
    props: { year },
  }));
}

export const GET: APIRoute<{ year: number }> = ({ props }) =>
  jsonResponse((allRows<Summary>(lists.ranking(props.year)) ?? []).map((s) => figuresRowHtml(s, s.agency)));
