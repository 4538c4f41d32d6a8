// The rows of the agency list (/agencies/): each agency with its latest report's key figures.
import type { Agency } from '../../model/corpus.ts';
import { LEVEL_LABELS } from '../../model/report.ts';
import { sumOrNull, type Summary } from '../../model/summary.ts';
import { agencies, corpus } from '../data/site-data.ts';
import { disclosureRate } from '../charts/key-figures.ts';
import { num, pct } from './format.ts';
import { escapeHtml } from './html.ts';
import { token } from './tokens.ts';
import { agencyUrl } from './url.ts';

export interface AgencyRow {
  agency: Agency;
  /** Its newest report. */
  latest: Summary | undefined;
  /** Failed checks over all its reports. */
  failed: number;
}

/** Every agency by name (once per build: the list pages and their JSON share it). */
let rows: Promise<AgencyRow[]> | undefined;
export const agencyRows = () =>
  (rows ??= corpus().then(({ byAgency }) =>
    agencies().map((agency) => {
      const own = byAgency.get(agency.id) ?? [];
      return { agency, latest: own[0], failed: own.reduce((n, s) => n + s.failed, 0) };
    }),
  ));

const value = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');

/** One agency's <tr>: data-* for the filters, data-value on each sortable cell. */
export function agencyRowHtml({ agency: a, latest, failed }: AgencyRow): string {
  const f = latest?.figures;
  const disputes = f ? sumOrNull([f.review, f.litigationDirect, f.litigationAfterReview]) : null;
  const rate = f ? disclosureRate(f) : null;
  const text = (s: string) => `<td class="text">${escapeHtml(s)}</td>`;
  const figure = (v: number | null | undefined, shown: string) => `<td data-value="${value(v)}">${shown}</td>`;
  return [
    `<tr data-level="${a.level}" data-region="${escapeHtml(a.region ? token(a.region) : '')}" data-year="${a.years.join(' ')}">`,
    `<th scope="row"><a href="${escapeHtml(agencyUrl(a.id))}">${escapeHtml(a.name)}</a></th>`,
    text(LEVEL_LABELS[a.level]),
    text(a.region ?? '—'),
    text(a.years.join('、')),
    figure(f?.received, num(f?.received)),
    figure(rate, pct(rate)),
    figure(disputes, num(disputes)),
    `<td data-value="${failed}">${failed > 0 ? `<span class="status-failed">⚠ ${failed}</span>` : '0'}</td>`,
    '</tr>',
  ].join('');
}
