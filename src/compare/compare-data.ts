// What the compare page fetches for one agency: each report's key figures, its applicants row (table 三
// row 一) and its table 四 blocks. One small JSON file per agency, so the page loads only what is picked.
import type { Figures } from '../../model/summary.ts';
import type { ApplicantRow, ReviewBlock } from '../../model/report.ts';
import type { TemplateId } from '../../model/templates.ts';

export interface CompareReport {
  id: string;
  year: number;
  template: TemplateId | null;
  figures: Figures;
  received: ApplicantRow | null;
  review: ReviewBlock;
  litigationDirect: ReviewBlock;
  litigationAfterReview: ReviewBlock;
}

export interface CompareAgency {
  id: string;
  name: string;
  reports: CompareReport[];
}

/** Where the page finds an agency's file, relative to the site's base. */
export const compareDataPath = (agencyId: string) => `compare/${agencyId}.json`;

/** One agency the picker offers: its name and, in words, its level and region. */
export interface PickerAgency {
  id: string;
  name: string;
  meta: string;
}

/** Every agency the picker offers, by name (a list that grows with the corpus stays out of the page). */
export const PICKER_PATH = 'compare/agencies.json';
