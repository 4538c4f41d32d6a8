// The agencies the compare page's picker searches (src/compare/compare-data.ts), as the page data wrote them.
import { pickerText } from '../../data/site-data.ts';

export const GET = () => new Response(pickerText(), { headers: { 'content-type': 'application/json' } });
