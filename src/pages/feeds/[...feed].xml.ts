// RSS feeds (@astrojs/rss, Astro's own) of new reports and of reports with failed checks: for the whole
// portal, per agency and per region. feeds/reports.xml, feeds/checks.xml,
// feeds/agencies/<id>/{reports,checks}.xml, feeds/regions/<region>/{reports,checks}.xml (the region as a
// safe slug: src/render/region-slug.ts). Every string goes through xmlText, since a character XML forbids
// makes the whole feed unreadable. Feeds need the site's absolute address (--site); without it none are
// written (README, "Follow").
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { agencies, corpus, hubPages, notesByReport, shardPages } from '../../data/site-data.ts';
import { reportTitle } from '../../render/report-text.ts';
import { reportUrl } from '../../render/url.ts';
import { regionSlug } from '../../render/region-slug.ts';
import { xmlText } from '../../render/xml-text.ts';
import { timeliness, timelinessText } from '../../../model/timeliness.ts';
import type { Summary } from '../../../model/summary.ts';

/** Items per feed: the newest. */
const ITEMS = 50;

type Kind = 'reports' | 'checks';
interface Props {
  kind: Kind;
  /** Whose reports: "全部", an agency or a region. */
  scope: string;
  reports: Summary[];
}

export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  const { reports, byAgency } = await corpus();
  const regions = new Map<string, Summary[]>();
  for (const s of reports)
    if (s.region)
      regions
        .set(s.region, regions.get(s.region) ?? [])
        .get(s.region)!
        .push(s);
  // An agency's feeds are its shard's; the portal's and the regions' (which may span shards) the hub's.
  const scopes: [path: string, scope: string, list: Summary[]][] = [
    ...hubPages<[string, string, Summary[]]>([['', '全部机关', reports]]),
    ...shardPages(agencies().map((a): [string, string, Summary[]] => [`agencies/${a.id}/`, a.name, byAgency.get(a.id) ?? []])),
    ...hubPages([...regions].map(([region, list]): [string, string, Summary[]] => [`regions/${regionSlug(region)}/`, region, list])),
  ];
  return scopes.flatMap(([path, scope, list]) =>
    (['reports', 'checks'] as const).map((kind) => ({ params: { feed: `${path}${kind}` }, props: { kind, scope, reports: list } satisfies Props })),
  );
}

/** Newest first: by the year covered, then by publication date (undated last), then by name. */
const newest = (a: Summary, b: Summary) => b.year - a.year || (b.published ?? '').localeCompare(a.published ?? '') || a.agency.localeCompare(b.agency);

function reportItem(s: Summary) {
  return {
    title: xmlText(reportTitle(s)),
    link: reportUrl(s.id),
    ...(s.published ? { pubDate: new Date(`${s.published}T00:00:00+08:00`) } : {}),
    description: xmlText(
      [
        `${s.agency}，${s.year}年度。`,
        `发布日期：${s.published ?? '报告未注明'}。`,
        `发布时限：${timelinessText(timeliness(s))}。`,
        s.failed > 0 ? `${s.failed} 项一致性检查未通过。` : '一致性检查未发现不一致。',
      ].join(''),
    ),
  };
}

function checksItem(s: Summary) {
  const failed = (notesByReport().get(s.id) ?? []).filter((n) => n.result === 'fail');
  return {
    ...reportItem(s),
    title: xmlText(`${reportTitle(s)}：${failed.length} 项检查未通过`),
    description: xmlText(failed.map((c) => `${c.rule}：${c.message}`).join('；')),
  };
}

export function GET(context: APIContext) {
  const { kind, scope, reports } = context.props as Props;
  const list = reports
    .filter((s) => kind === 'reports' || s.failed > 0)
    .sort(newest)
    .slice(0, ITEMS);
  return rss({
    title: xmlText(`${scope}${kind === 'reports' ? '的新年度报告' : '未通过一致性检查的报告'} · 政府信息公开年报库`),
    description: xmlText(
      kind === 'reports'
        ? `${scope}最新的政府信息公开工作年度报告（最多 ${ITEMS} 份）。`
        : `${scope}最新的、本身数字未通过一致性检查的年度报告，每份列出未通过的检查（最多 ${ITEMS} 份）。`,
    ),
    site: context.site!,
    items: list.map(kind === 'reports' ? reportItem : checksItem),
    customData: '<language>zh-cn</language>',
  });
}
