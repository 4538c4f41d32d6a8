// The rows of the agency list (/agencies/): each agency with its latest report's key figures.
import type { Agency } from '../../model/corpus.ts';
import { LEVEL_LABELS } from '../../model/report.ts';
import { sumOrNull, type Summary } from '../../model/summary.ts';
import { agencies, corpus } from '../data/site-data.ts';
import { DISPUTES, disclosureRate, rateWithheld } from '../charts/key-figures.ts';
import { num, pct } from './format.ts';
import { failedCellHtml, figureCellHtml } from './figures-rows.ts';
import { escapeHtml } from './html.ts';
import { token } from './tokens.ts';
import { agencyUrl } from './url.ts';

export interface AgencyRow {
  agency: Agency;
  /** Its newest report. */
  latest: Summary | undefined;
  /** Failed checks over all its reports. */
  failed: number;
  /** Checks run over all its reports (0: none of its tables could be checked). */
  checked: number;
  /** Checks that could not be decided over all its reports. */
  undecided: number;
}

/** Every agency by name (once per build: the list pages and their JSON share it). */
let rows: Promise<AgencyRow[]> | undefined;
export const agencyRows = () =>
  (rows ??= corpus().then(({ byAgency }) =>
    agencies().map((agency) => {
      const own = byAgency.get(agency.id) ?? [];
      const total = (key: 'failed' | 'checked' | 'undecided') => own.reduce((n, s) => n + s[key], 0);
      return { agency, latest: own[0], failed: total('failed'), checked: total('checked'), undecided: total('undecided') };
    }),
  ));

/** A figure nianbao could not tell, as the figure tables show it. */
const UNKNOWN_FIGURE = '<td class="unknown" data-value="" data-state="unknown"><span aria-hidden="true">？</span><span class="sr-only">无法确定</span></td>';

/**
 * A region and each division above it ("江苏省", "江苏省淮安市", "江苏省淮安市洪泽区"), so the 地区 filter
 * finds an agency by its province or city too. Regions are written province first (scripts/data/agency-identity.ts).
 */
export const regionTokens = (region: string | null): string[] =>
  region
    ? [...region.matchAll(/.+?(?:自治区|自治州|省|市|盟|地区|区|县|旗)/gu)]
        .map((m) => token(region.slice(0, m.index + m[0].length)))
        .concat(token(region))
        .filter((t, i, all) => all.indexOf(t) === i)
    : [];

const value = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');

/** One agency's <tr>: data-* for the filters, data-value on each sortable cell. */
export function agencyRowHtml({ agency: a, latest, failed, checked, undecided }: AgencyRow): string {
  const f = latest?.figures;
  const disputes = f ? sumOrNull([f.review, f.litigationDirect, f.litigationAfterReview]) : null;
  const disputesUnknown = disputes === null && latest !== undefined && DISPUTES.some((d) => latest.unknownFigures.includes(d.key));
  // A sum of a figure the report contradicts is contradicted too.
  const disputesFailed = disputes !== null && DISPUTES.some((d) => latest!.failedFigures.includes(d.key));
  const rate = latest ? disclosureRate(latest) : null;
  const withheld = latest ? rateWithheld(latest) : '';
  const text = (s: string) => `<td class="text">${escapeHtml(s)}</td>`;
  const figure = (v: number | null | undefined, shown: string) => `<td data-value="${value(v)}">${shown}</td>`;
  return [
    `<tr data-level="${a.level}" data-region="${escapeHtml(regionTokens(a.region).join(' '))}" data-year="${a.years.join(' ')}">`,
    `<th scope="row"><a href="${escapeHtml(agencyUrl(a.id))}">${escapeHtml(a.name)}</a></th>`,
    text(LEVEL_LABELS[a.level]),
    text(a.region ?? '—'),
    text(a.years.join('、')),
    latest ? figureCellHtml(latest, 'received') : figure(null, num(null)),
    withheld ? `<td data-value="" class="failed" title="${escapeHtml(withheld)}"><span class="status-failed">⚠ 不计算</span></td>` : figure(rate, pct(rate)),
    disputesUnknown
      ? UNKNOWN_FIGURE
      : disputesFailed
        ? `<td data-value="${disputes}" class="failed"><span class="status-failed">⚠ ${num(disputes)}</span><span class="sr-only">（报告自身数字矛盾）</span></td>`
        : figure(disputes, num(disputes)),
    failedCellHtml({ checked, failed, undecided }),
    '</tr>',
  ].join('');
}
