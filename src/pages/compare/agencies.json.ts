// The agencies the compare page's picker searches (src/lib/compare-data.ts).
import { agencies } from '../../lib/data.ts';
import type { PickerAgency } from '../../lib/compare-data.ts';
import { jsonResponse } from '../../lib/json-response.ts';
import { LEVEL_LABELS } from '../../model/report.ts';

export const GET = () =>
  jsonResponse(agencies().map((a): PickerAgency => ({ id: a.id, name: a.name, meta: `${LEVEL_LABELS[a.level]}${a.region ? `，${a.region}` : ''}` })));
