// The rows of the agency list (/agencies/) and of the region pages: each agency with its latest report's
// key figures (the page data's rows: model/page-data.ts).
import type { AgencyRow } from '../../model/page-data.ts';
import { LEVEL_LABELS } from '../../model/report.ts';
import { sumOrNull } from '../../model/summary.ts';
import { DISPUTES, disclosureRate, rateWithheld } from '../charts/key-figures.ts';
import { num, pct } from './format.ts';
import { failedCellHtml, figureCellHtml } from './figures-rows.ts';
import { escapeHtml } from './html.ts';
import { token } from './tokens.ts';
import { agencyUrl, regionUrl, reportUrl } from './url.ts';

/** A figure nianbao could not tell, as the figure tables show it. */
const UNKNOWN_FIGURE = '<td class="unknown" data-value="" data-state="unknown"><span aria-hidden="true">？</span><span class="sr-only">无法确定</span></td>';

/**
 * A region and each division above it ("江苏省", "江苏省淮安市", "江苏省淮安市洪泽区"), so the 地区 filter
 * finds an agency by its province or city too. Regions are written province first (scripts/stage/agency-identity.ts).
 */
export const regionTokens = (region: string | null): string[] =>
  region
    ? [...region.matchAll(/.+?(?:自治区|自治州|省|市|盟|地区|区|县|旗)/gu)]
        .map((m) => token(region.slice(0, m.index + m[0].length)))
        .concat(token(region))
        .filter((t, i, all) => all.indexOf(t) === i)
    : [];

const value = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');

/** Its latest report's key figures (新收申请, 公开率, 复议与诉讼) and its checks over all its reports, as cells. */
function latestCells(a: AgencyRow): string[] {
  const { latest, failed, checked, undecided } = a;
  const f = latest?.figures;
  const disputes = f ? sumOrNull([f.review, f.litigationDirect, f.litigationAfterReview]) : null;
  const disputesUnknown = disputes === null && latest !== null && DISPUTES.some((d) => latest.unknownFigures.includes(d.key));
  // A sum of a figure the report contradicts is contradicted too.
  const disputesFailed = disputes !== null && DISPUTES.some((d) => latest!.failedFigures.includes(d.key));
  const rate = latest ? disclosureRate(latest) : null;
  const withheld = latest ? rateWithheld(latest) : '';
  const figure = (v: number | null | undefined, shown: string) => `<td data-value="${value(v)}">${shown}</td>`;
  return [
    latest ? figureCellHtml(latest, 'received') : figure(null, num(null)),
    withheld ? `<td data-value="" class="failed" title="${escapeHtml(withheld)}"><span class="status-failed">⚠ 不计算</span></td>` : figure(rate, pct(rate)),
    disputesUnknown
      ? UNKNOWN_FIGURE
      : disputesFailed
        ? `<td data-value="${disputes}" class="failed"><span class="status-failed">⚠ ${num(disputes)}</span><span class="sr-only">（报告自身数字矛盾）</span></td>`
        : figure(disputes, num(disputes)),
    latest ? failedCellHtml({ checked, failed, undecided }) : '<td class="text" data-value="">没有报告</td>',
  ];
}

const text = (s: string) => `<td class="text">${escapeHtml(s)}</td>`;

/** One agency's <tr> in the agency list: data-* for the filters, data-value on each sortable cell. */
export function agencyRowHtml(a: AgencyRow): string {
  return [
    `<tr data-level="${a.level}" data-region="${escapeHtml(regionTokens(a.region).join(' '))}" data-year="${a.years.join(' ')}">`,
    `<th scope="row">${agencyName(a)}</th>`,
    text(LEVEL_LABELS[a.level]),
    `<td class="text"><a href="${escapeHtml(regionUrl(a.place))}">${escapeHtml(a.region ?? '未定地区')}</a></td>`,
    text(a.years.join('、')),
    ...latestCells(a),
    '</tr>',
  ].join('');
}

/**
 * One agency's <tr> on a region page: its latest figures, then a cell per year of the portal (newest first):
 * its report, or 无 where the portal has none (model/coverage.ts). An agency in no division says why.
 */
export function regionAgencyRowHtml(a: AgencyRow, years: number[]): string {
  const reportOf = new Map(a.years.map((y, i) => [y, a.reports[i]!]));
  const why = a.unplaced ? `<br><span class="small-sample">未定地区：${escapeHtml(a.unplaced)}</span>` : '';
  return [
    `<tr data-agency="${escapeHtml(a.id)}">`,
    `<th scope="row">${agencyName(a)}${why}</th>`,
    text(LEVEL_LABELS[a.level]),
    ...latestCells(a),
    ...years.map((y) => {
      const id = reportOf.get(y);
      return id
        ? `<td class="covered" data-value="1"><a href="${escapeHtml(reportUrl(id))}" title="${y}年度报告">有</a></td>`
        : '<td class="missing" data-value="0">无</td>';
    }),
    '</tr>',
  ].join('');
}

/** Its name, linking to its page; an agency agencies.csv lists without a report has none. */
export const agencyName = (a: Pick<AgencyRow, 'id' | 'name' | 'listed'>) =>
  a.listed
    ? `${escapeHtml(a.name)}<span class="small-sample">（列于 agencies.csv，本库没有它的报告）</span>`
    : `<a href="${escapeHtml(agencyUrl(a.id))}">${escapeHtml(a.name)}</a>`;
