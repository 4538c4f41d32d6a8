// The numbers of one synthetic report, consistent by construction: R1–R4 hold (report-format.md §4)
// and 上年结转 equals last year's 结转下年度 (R8), unless a report is deliberately broken. Sizes follow
// the agency's level: most townships receive 0–5 applications, city departments tens to hundreds.
import { APPLICANT_PARTS, APPLICANTS, outcomeRows, PROACTIVE, REVIEW_BLOCKS, REVIEW_PARTS, type TemplateId } from '../../model/templates.ts';
import type { Agency } from './agencies.ts';
import { cellPath, reportPaths, splitPath, tableOfPath } from '../../model/cell-paths.ts';
import type { Random } from './random.ts';
import type { Code } from '../../model/diagnostics.ts';

export interface BrokenCheck {
  rule: Code;
  scope: string;
}

export interface Figures {
  template: TemplateId;
  /** The consistent numbers, as the agency's records have them (the prose restates these). */
  truth: Map<string, number>;
  /** The value each cell prints as: a number, or null for a blank or placeholder. */
  values: Map<string, number | null>;
  /** The text each cell prints. */
  texts: Map<string, string>;
  /** Checks the printed table fails on purpose. */
  broken: BrokenCheck[];
  /** The cell changed by one, if any. */
  perturbed: string | null;
  /** How cells were left blank, if any. */
  blanks: BlankStyle | null;
}

export type BlankStyle = 'zeros' | 'detail-totals' | 'placeholders';

/** What one agency carries from one year's report into the next. */
export interface AgencyState {
  /** Printed 结转下年度 per column, for R8. */
  carriedForward: Map<string, number | null> | null;
  /** True 结转下年度 per column. */
  carried: Map<string, number> | null;
  documentsInForce: number;
  regulationsInForce: number;
  items: Map<string, number>;
}

export interface Shares {
  /** Share of reports with one cell off by one. */
  broken: number;
  /** Share of reports with blank or placeholder cells. */
  blank: number;
  /** Share of years whose 上年结转 was reclassified (R8 break, R1 still holds). */
  reclassified: number;
}

export const DEFAULT_SHARES: Shares = { broken: 0.1, blank: 0.04, reclassified: 0.02 };

/** Typical yearly applications by kind of agency. */
function typicalApplications(agency: Agency): number {
  if (agency.level === 'department') return { province: 100, city: 40, county: 6, township: 1 }[agency.tier];
  return { province: 300, city: 80, county: 25, township: 1 }[agency.tier];
}

// How applications end, by row (the remainder is carried into next year). Roughly the national mix.
const OUTCOMES: Record<string, number> = {
  granted: 40,
  partlyGranted: 8,
  withheldStateSecret: 0.4,
  withheldByLaw: 0.5,
  withheldSafety: 0.4,
  withheldThirdParty: 1.5,
  withheldInternal: 1,
  withheldProcess: 1.2,
  withheldEnforcement: 0.5,
  withheldQuery: 0.5,
  unavailableNotHeld: 22,
  unavailableNeedsCreation: 5,
  unavailableUnclear: 3,
  rejectedComplaint: 4,
  rejectedDuplicate: 3,
  rejectedPublication: 1,
  rejectedExcessive: 1,
  rejectedConfirmation: 2,
  otherHandling: 3,
  otherNoCorrection: 2,
  otherFeeUnpaid: 0.2,
  otherMisc: 1,
  carriedForward: 3.5,
};
const APPLICANT_WEIGHTS = [86, 7, 1, 1.5, 2, 2.5];
const REVIEW_WEIGHTS = [62, 14, 9, 15];
const PLACEHOLDERS = ['-', '/', '—', '无'];

export function newAgencyState(): AgencyState {
  return { carriedForward: null, carried: null, documentsInForce: 0, regulationsInForce: 0, items: new Map() };
}

export function figures(agency: Agency, year: number, state: AgencyState, rnd: Random, shares: Shares): Figures {
  const template: TemplateId = year >= 2021 ? '2021' : '2019';
  const truth = new Map<string, number>();
  proactive(agency, template, state, rnd, truth);
  applications(agency, template, state, rnd, truth, shares);
  review(truth, rnd);

  const values = new Map<string, number | null>(truth);
  const blanks = rnd.chance(shares.blank) ? rnd.choose<BlankStyle>({ zeros: 3, 'detail-totals': 2, placeholders: 3 }) : null;
  const placeholder = new Set<string>();
  if (blanks) leaveBlank(blanks, template, values, placeholder, rnd);
  // A typo in a table left blank would only make its checks undecidable; break complete tables only.
  const perturbed = !blanks && rnd.chance(shares.broken) ? perturb(template, values, rnd) : null;
  const broken = perturbed ? breaks(perturbed) : [];

  const columns = APPLICANTS.map((c) => c.key);
  const carriedForward = new Map(columns.map((c) => [c, values.get(cellPath('applications', 'carriedForward', c)) ?? null]));
  if (state.carriedForward) {
    for (const c of columns) {
      const before = state.carriedForward.get(c);
      const now = values.get(cellPath('applications', 'carriedOver', c));
      if (typeof before === 'number' && typeof now === 'number' && before !== now) broken.push({ rule: 'R8', scope: c });
    }
  }
  state.carriedForward = carriedForward;

  // 本年增/减 may be written with its sign (report-format.md §3.1).
  const signed = new Set(PROACTIVE[template].flatMap((b) => b.rows.flatMap((r) => (b.signed ?? []).map((c) => cellPath('proactive', r.key, c)))));
  const texts = new Map<string, string>();
  for (const [path, value] of values) {
    if (value === null) texts.set(path, placeholder.has(path) ? rnd.pick(PLACEHOLDERS) : '');
    else texts.set(path, signed.has(path) && value > 0 && rnd.chance(0.3) ? `+${value}` : String(value));
  }
  if (template === '2019') printYuan(texts, values, rnd);
  return { template, truth, values, texts, broken, perturbed, blanks };
}

function proactive(agency: Agency, template: TemplateId, state: AgencyState, rnd: Random, out: Map<string, number>): void {
  const government = agency.level !== 'department';
  const makesRegulations = government && (agency.tier === 'province' || agency.tier === 'city');
  const docs = agency.tier === 'township' ? 1 : government ? 12 : 4;
  if (state.documentsInForce === 0) state.documentsInForce = rnd.around(docs * 6);
  if (makesRegulations && state.regulationsInForce === 0) state.regulationsInForce = rnd.around(agency.tier === 'province' ? 120 : 25);
  const set = (row: string, column: string, value: number) => out.set(cellPath('proactive', row, column), value);

  if (template === '2019') {
    for (const [key, typical, stock] of [
      ['regulations', makesRegulations ? 3 : 0, 'regulationsInForce'],
      ['normativeDocuments', docs, 'documentsInForce'],
    ] as const) {
      const made = rnd.around(typical);
      const published = made > 0 && rnd.chance(0.1) ? rnd.int(0, made) : made;
      state[stock] += published;
      set(key, 'made', made);
      set(key, 'published', published);
      set(key, 'inForceTotal', state[stock]);
    }
    const decisions = { licensing: government ? 40 : 300, otherServices: government ? 20 : 60, penalty: government ? 10 : 120, coercion: government ? 2 : 12 };
    for (const [key, typical] of Object.entries(decisions)) {
      const previous = state.items.get(key) ?? rnd.around(agency.tier === 'township' ? 5 : 40);
      const change = rnd.chance(0.6) ? 0 : Math.max(-previous, rnd.int(-6, 12));
      state.items.set(key, previous + change);
      set(key, 'previous', previous);
      set(key, 'change', change);
      set(key, 'decisions', agency.tier === 'township' ? rnd.around(1) : rnd.around(typical));
    }
    const fees = state.items.get('fees') ?? (rnd.chance(0.3) ? rnd.around(4) : 0);
    const feeChange = fees > 0 && rnd.chance(0.2) ? -rnd.int(1, fees) : 0;
    state.items.set('fees', fees + feeChange);
    set('fees', 'previous', fees);
    set('fees', 'change', feeChange);
    const projects = agency.tier === 'township' ? rnd.around(1) : rnd.around(6);
    set('procurement', 'projects', projects);
    // 采购总金额: whole hundreds of 元, held in 万元 like every money cell.
    set('procurement', 'amount', projects === 0 ? 0 : (projects * rnd.around(3000) * 100) / 10000);
  } else {
    for (const [key, typical, stock] of [
      ['regulations', makesRegulations ? 2 : 0, 'regulationsInForce'],
      ['normativeDocuments', docs, 'documentsInForce'],
    ] as const) {
      const issued = rnd.around(typical);
      const repealed = Math.min(state[stock], rnd.chance(0.5) ? 0 : rnd.around(typical / 2));
      state[stock] += issued - repealed;
      set(key, 'issued', issued);
      set(key, 'repealed', repealed);
      set(key, 'inForce', state[stock]);
    }
    const township = agency.tier === 'township';
    set('licensing', 'decisions', township ? rnd.around(2) : rnd.around(government ? 60 : 400));
    set('penalty', 'decisions', township ? rnd.around(1) : rnd.around(government ? 10 : 150));
    set('coercion', 'decisions', township ? 0 : rnd.around(government ? 2 : 15));
    // 本年收费金额: whole 元, in 万元 (up to four decimals).
    set('fees', 'amount', !government && rnd.chance(0.3) ? rnd.around(300_000) / 10000 : 0);
  }
}

function applications(agency: Agency, template: TemplateId, state: AgencyState, rnd: Random, out: Map<string, number>, shares: Shares): void {
  const typical = typicalApplications(agency);
  const received = agency.tier === 'township' ? (rnd.chance(0.55) ? 0 : rnd.int(1, 5)) : rnd.chance(0.05) ? 0 : rnd.around(typical);
  const receivedBy = rnd.spread(received, APPLICANT_WEIGHTS);
  let carriedBy = APPLICANT_PARTS.map((c) => state.carried?.get(c) ?? 0);
  if (!state.carried) carriedBy = rnd.spread(rnd.chance(0.3) ? rnd.around(typical * 0.04) : 0, APPLICANT_WEIGHTS);
  else if (rnd.chance(shares.reclassified)) carriedBy[0] += 1; // reclassified after a merger: R8 breaks, R1 holds

  const rows = [...outcomeRows(template), 'carriedForward'];
  const weights = rows.map((r) => OUTCOMES[r]);
  const byRow = new Map<string, number[]>([
    ['received', receivedBy],
    ['carriedOver', carriedBy],
    ...rows.map((r) => [r, APPLICANT_PARTS.map(() => 0)] as [string, number[]]),
  ]);
  APPLICANT_PARTS.forEach((_, i) => {
    const counts = rnd.spread(receivedBy[i] + carriedBy[i], weights);
    rows.forEach((r, k) => (byRow.get(r)![i] = counts[k]));
  });
  byRow.set(
    'resultsTotal',
    APPLICANT_PARTS.map((_, i) => outcomeRows(template).reduce((sum, r) => sum + byRow.get(r)![i], 0)),
  );

  state.carried = new Map(APPLICANT_PARTS.map((c, i) => [c, byRow.get('carriedForward')![i]]));
  for (const [row, counts] of byRow) {
    APPLICANT_PARTS.forEach((c, i) => out.set(cellPath('applications', row, c), counts[i]));
    out.set(
      cellPath('applications', row, 'total'),
      counts.reduce((a, b) => a + b, 0),
    );
  }
}

function review(out: Map<string, number>, rnd: Random): void {
  const received = out.get(cellPath('applications', 'received', 'total'))!;
  const typical = { review: 0.03, litigationDirect: 0.012, litigationAfterReview: 0.005 };
  for (const block of REVIEW_BLOCKS) {
    const counts = rnd.spread(rnd.around(received * typical[block.key as keyof typeof typical]), REVIEW_WEIGHTS);
    REVIEW_PARTS.forEach((c, i) => out.set(cellPath(block.key, c), counts[i]));
    out.set(
      cellPath(block.key, 'total'),
      counts.reduce((a, b) => a + b, 0),
    );
  }
}

/** Blank cells as published reports leave them (report-format.md §5); a blank never stands for a non-zero count. */
function leaveBlank(style: BlankStyle, template: TemplateId, values: Map<string, number | null>, placeholder: Set<string>, rnd: Random): void {
  const tables34 = reportPaths({ proactive: template, applications: template }).filter((p) => tableOfPath(p) !== 'proactive');
  if (style === 'zeros') {
    for (const p of tables34) if (values.get(p) === 0) values.set(p, null);
  } else if (style === 'detail-totals') {
    // Only 一, 二, （七） and 四 keep their 总计 (Shanghai 2019).
    const kept = new Set(['received', 'carriedOver', 'resultsTotal', 'carriedForward']);
    for (const p of tables34) {
      const { table, row, column } = splitPath(p);
      if (table === 'applications' && column === 'total' && !kept.has(row!)) values.set(p, null);
    }
  } else {
    const zeros = reportPaths({ proactive: template, applications: template }).filter((p) => values.get(p) === 0);
    for (const p of rnd.sample(zeros, rnd.int(1, 4))) {
      values.set(p, null);
      placeholder.add(p);
    }
  }
}

/** One T3 or T4 count off by one, as a typo would be. Returns its path. */
function perturb(template: TemplateId, values: Map<string, number | null>, rnd: Random): string {
  const candidates = reportPaths({ proactive: template, applications: template }).filter((p) => tableOfPath(p) !== 'proactive');
  const path = rnd.pick(candidates);
  const value = values.get(path)!;
  values.set(path, value > 0 && rnd.chance(0.5) ? value - 1 : value + 1);
  return path;
}

/** The checks a change to one cell breaks, by where the cell sits in R1–R4 (report-format.md §4). */
export function breaks(path: string): BrokenCheck[] {
  const { key, table, row = '', column } = splitPath(path);
  if (table !== 'applications') return [{ rule: 'R4', scope: key }];
  const out: BrokenCheck[] = [{ rule: 'R3', scope: row }];
  if (row !== 'received' && row !== 'carriedOver' && row !== 'carriedForward') out.push({ rule: 'R2', scope: column });
  if (row === 'received' || row === 'carriedOver' || row === 'carriedForward' || row === 'resultsTotal') out.push({ rule: 'R1', scope: column });
  return out;
}

/** 采购总金额 has no unit in the template: reports write it in 元 or 万元, the unit inside the cell (report-format.md §3.1). */
function printYuan(texts: Map<string, string>, values: Map<string, number | null>, rnd: Random): void {
  const path = cellPath('proactive', 'procurement', 'amount');
  const wan = values.get(path);
  if (!wan) return;
  texts.set(path, rnd.chance(0.5) ? `${Math.round(wan * 10000)}元` : `${wan}万元`);
}
