// What the compare page fetches for one agency: each report's key figures, its applicants row (table 三
// row 一) and its table 四 blocks. One small JSON file per agency, so the page loads only what is picked.
import type { FigureKey, Figures, Summary } from '../../model/summary.ts';
import type { Parts } from '../../model/marks.ts';
import type { ApplicantRow, ReviewBlock } from '../../model/report.ts';
import type { TemplateId } from '../../model/templates.ts';

export interface CompareReport {
  id: string;
  year: number;
  template: TemplateId | null;
  figures: Figures;
  /** Key figures nianbao could not tell (null, but not a blank the report printed). */
  unknownFigures: FigureKey[];
  /** Key figures the report's own numbers contradict, those cut by the arithmetic, and the parts of contradicted totals (model/marks.ts). */
  failedFigures: FigureKey[];
  cutFigures: FigureKey[];
  figureParts: Summary['figureParts'];
  received: ApplicantRow | null;
  review: ReviewBlock;
  litigationDirect: ReviewBlock;
  litigationAfterReview: ReviewBlock;
  /** Cells of `received` and the table 四 blocks nianbao could not tell, by dotted path. */
  unknown: string[];
  /** Those the report's own numbers contradict, those cut by the arithmetic, and the parts of contradicted totals among them. */
  failedCells: string[];
  cutCells: string[];
  cellParts: Record<string, Parts[]>;
  /** Checks run (0: the tables could not be checked), failed, undecided. */
  checked: number;
  failed: number;
  undecided: number;
  /** Cell boundaries were inferred from run-together digits. */
  inferred: boolean;
  /** Cells nianbao could not tell in the whole report. */
  unknownCells: number;
  /** The report's page on this site (base included) and where the original was published. */
  url: string;
  sourceUrl: string | null;
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
