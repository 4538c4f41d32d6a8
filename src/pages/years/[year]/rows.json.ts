// Every row of a year's ranking, for its sorting (src/render/long-table.ts).
import type { APIRoute } from 'astro';
import { corpus, hubPages } from '../../../data/site-data.ts';
import { byReceived, figuresRowHtml } from '../../../render/figures-rows.ts';
import { jsonResponse } from '../../../data/json-response.ts';

export async function getStaticPaths() {
  return hubPages((await corpus()).years).map((year) => ({ params: { year: String(year) }, props: { year } }));
}

export const GET: APIRoute<{ year: number }> = async ({ props }) =>
  jsonResponse(byReceived((await corpus()).byYear.get(props.year)!).map((s) => figuresRowHtml(s, s.agency)));
