// The agencies the compare page's picker searches (src/compare/compare-data.ts).
import { agencies } from '../../data/site-data.ts';
import type { PickerAgency } from '../../compare/compare-data.ts';
import { jsonResponse } from '../../data/json-response.ts';
import { LEVEL_LABELS } from '../../../model/report.ts';

export const GET = () =>
  jsonResponse(agencies().map((a): PickerAgency => ({ id: a.id, name: a.name, meta: `${LEVEL_LABELS[a.level]}${a.region ? `，${a.region}` : ''}` })));
