// Every row of a year's ranking, for its sorting (src/lib/long-table.ts).
import type { APIRoute } from 'astro';
import { corpus } from '../../../lib/data.ts';
import { byReceived, figuresRowHtml } from '../../../lib/figures-rows.ts';
import { jsonResponse } from '../../../lib/json-response.ts';

export async function getStaticPaths() {
  return (await corpus()).years.map((year) => ({ params: { year: String(year) }, props: { year } }));
}

export const GET: APIRoute<{ year: number }> = async ({ props }) =>
  jsonResponse(byReceived((await corpus()).byYear.get(props.year)!).map((s) => figuresRowHtml(s, s.agency)));
