// Which national template each table follows, read from its labels (the templates' signs in
// model/templates.ts), never from the report's year: 2020 reports on the 2021 form and the reverse exist.
import { APPLICATION_SIGNS_ANY, TEMPLATE_DATA, TEMPLATES, type TemplateId } from '../../../model/templates.ts';
import { findFragment } from './anchors.ts';

export interface Detected {
  /** Table 二's template (null when no table 二 labels were found). */
  proactive: TemplateId | null;
  /** Table 三's template (null when no table 三 labels were found). */
  applications: TemplateId | null;
}

const count = (text: string, signs: readonly string[]) => signs.filter((s) => findFragment(text, [s], 0)).length;

/** The template with most signs of `table` in `text` (the first declared on a tie); null when `present` is false. */
function best(text: string, table: 'proactive' | 'applications', present: boolean): TemplateId | null {
  if (!present) return null;
  const counts = TEMPLATES.map((id) => count(text, TEMPLATE_DATA[id].signs[table]));
  return TEMPLATES[counts.indexOf(Math.max(...counts))];
}

export function detectTemplates(text: string): Detected {
  const proactiveSigns = TEMPLATES.some((id) => count(text, TEMPLATE_DATA[id].signs.proactive) > 0);
  return {
    proactive: best(text, 'proactive', proactiveSigns),
    applications: best(text, 'applications', count(text, APPLICATION_SIGNS_ANY) > 0),
  };
}
