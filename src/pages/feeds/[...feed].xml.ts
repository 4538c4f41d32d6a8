// RSS feeds (@astrojs/rss, Astro's own) of new reports, of reports with failed checks and of reports whose
// original was replaced (revisions): for the whole portal, per agency and per region. feeds/reports.xml,
// feeds/checks.xml, feeds/revisions.xml, feeds/agencies/<id>/{reports,checks,revisions}.xml,
// feeds/regions/<region>/{reports,checks,revisions}.xml (the region as a safe slug:
// src/render/region-slug.ts). Every string goes through xmlText, since a character XML forbids makes the
// whole feed unreadable. Feeds need the site's absolute address (--site); without it none are written
// (README, "Follow").
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { agencies, corpus, hubPages, notesByReport, revisionsByReport, shardPages } from '../../data/site-data.ts';
import { changesSummary } from '../../render/revision-text.ts';
import { versionName, type Revision } from '../../../model/revisions.ts';
import { reportTitle } from '../../render/report-text.ts';
import { reportUrl } from '../../render/url.ts';
import { regionSlug } from '../../render/region-slug.ts';
import { xmlText } from '../../render/xml-text.ts';
import { timeliness, timelinessText } from '../../../model/timeliness.ts';
import type { Summary } from '../../../model/summary.ts';

/** Items per feed: the newest. */
const ITEMS = 50;

type Kind = 'reports' | 'checks' | 'revisions';
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
    (['reports', 'checks', 'revisions'] as const).map((kind) => ({
      params: { feed: `${path}${kind}` },
      props: { kind, scope, reports: list } satisfies Props,
    })),
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

/** A revision: the report's page at the revision's notice, dated the day the portal saw the new file. */
function revisionItem([s, v]: [Summary, Revision]) {
  return {
    title: xmlText(`${reportTitle(s)}：原文已于 ${v.date} 更新`),
    link: `${reportUrl(s.id)}#revision-${versionName(v.sha256)}`,
    pubDate: new Date(`${v.date}T00:00:00+08:00`),
    description: xmlText(`${s.agency}，${s.year}年度。本站于 ${v.date} 发现原始文件有变化，此前版本仍可下载。${changesSummary(v, s.tableTemplates)}`),
  };
}

const FEEDS: Record<Kind, { title: string; description: (scope: string) => string }> = {
  reports: { title: '的新年度报告', description: (scope) => `${scope}最新的政府信息公开工作年度报告（最多 ${ITEMS} 份）。` },
  checks: {
    title: '未通过一致性检查的报告',
    description: (scope) => `${scope}最新的、本身数字未通过一致性检查的年度报告，每份列出未通过的检查（最多 ${ITEMS} 份）。`,
  },
  revisions: {
    title: '的报告原文更新',
    description: (scope) => `${scope}的年度报告原文被替换的记录：本站发现变化的日期和有变化的数字，此前版本仍可下载（最多 ${ITEMS} 条）。`,
  },
};

export function GET(context: APIContext) {
  const { kind, scope, reports } = context.props as Props;
  if (kind === 'revisions') {
    const revised = reports
      .flatMap((s) => (revisionsByReport().get(s.id) ?? []).map((v): [Summary, Revision] => [s, v]))
      .sort(([a, x], [b, y]) => y.date.localeCompare(x.date) || newest(a, b))
      .slice(0, ITEMS);
    return rss({
      title: xmlText(`${scope}${FEEDS.revisions.title} · 政府信息公开年报库`),
      description: xmlText(FEEDS.revisions.description(scope)),
      site: context.site!,
      items: revised.map(revisionItem),
      customData: '<language>zh-cn</language>',
      // An item links to its notice on the report page (#revision-…): no slash may follow the fragment.
      trailingSlash: false,
    });
  }
  const list = reports
    .filter((s) => kind === 'reports' || s.failed > 0)
    .sort(newest)
    .slice(0, ITEMS);
  return rss({
    title: xmlText(`${scope}${FEEDS[kind].title} · 政府信息公开年报库`),
    description: xmlText(FEEDS[kind].description(scope)),
    site: context.site!,
    items: list.map(kind === 'reports' ? reportItem : checksItem),
    customData: '<language>zh-cn</language>',
  });
}
