// RSS feeds (@astrojs/rss, Astro's own) of new reports, of reports with failed checks and of reports whose
// original was replaced (revisions): for the whole portal, per agency and per region. feeds/reports.xml,
// feeds/checks.xml, feeds/revisions.xml, feeds/agencies/<id>/{reports,checks,revisions}.xml,
// feeds/regions/<region>/{reports,checks,revisions}.xml (the region as a safe slug:
// src/render/region-slug.ts). Every string goes through xmlText, since a character XML forbids makes the
// whole feed unreadable. Feeds need the site's absolute address (--site); without it none are written
// (README, "Follow").
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { agencies, corpus, feedData, hubPages, notesByReport, revisionsByReport, shardPages, site } from '../../data/site-data.ts';
import { changesSummary } from '../../render/revision-text.ts';
import { versionName, type Revision } from '../../../model/revisions.ts';
import { reportTitle } from '../../render/report-text.ts';
import { reportUrl } from '../../render/url.ts';
import { regionSlug } from '../../render/region-slug.ts';
import { xmlText } from '../../render/xml-text.ts';
import { timeliness, timelinessText } from '../../../model/timeliness.ts';
import type { Summary } from '../../../model/summary.ts';
import { FEED_ITEMS, type FeedData } from '../../../model/page-data.ts';

type Kind = 'reports' | 'checks' | 'revisions';
interface Props {
  kind: Kind;
  /** Whose reports: "全部", an agency or a region. */
  scope: string;
  /** Its newest items: the page data's for the portal and a region (scripts/page-data/), an agency's from its reports. */
  items: () => FeedData;
}

/** Newest first: by the year covered, then by publication date (undated last), then by name. */
const newest = (a: Summary, b: Summary) => b.year - a.year || (b.published ?? '').localeCompare(a.published ?? '') || a.agency.localeCompare(b.agency);

/** An agency's feeds, from its own reports (its shard's). */
function agencyFeed(reports: Summary[]): FeedData {
  const list = [...reports].sort(newest);
  return {
    reports: list.slice(0, FEED_ITEMS),
    checks: list
      .filter((s) => s.failed > 0)
      .slice(0, FEED_ITEMS)
      .map((summary) => ({ summary, failed: (notesByReport().get(summary.id) ?? []).filter((n) => n.result === 'fail') })),
    revisions: list
      .flatMap((summary) => (revisionsByReport().get(summary.id) ?? []).map((revision) => ({ summary, revision })))
      .sort((x, y) => y.revision.date.localeCompare(x.revision.date) || newest(x.summary, y.summary))
      .slice(0, FEED_ITEMS),
  };
}

export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  // An agency's feeds are its shard's; the portal's and the regions' (which may span shards) the hub's.
  const agencyScopes = await shardPages(async () => {
    const { byAgency } = await corpus();
    return agencies().map((a): [string, string, () => FeedData] => [`agencies/${a.id}/`, a.name, () => agencyFeed(byAgency.get(a.id) ?? [])]);
  });
  const scopes: [path: string, scope: string, items: () => FeedData][] = [
    ...hubPages<[string, string, () => FeedData]>([['', '全部机关', () => feedData(null)]]),
    ...agencyScopes,
    ...hubPages(site().feedRegions.map((region): [string, string, () => FeedData] => [`regions/${regionSlug(region)}/`, region, () => feedData(region)])),
  ];
  return scopes.flatMap(([path, scope, items]) =>
    (['reports', 'checks', 'revisions'] as const).map((kind) => ({
      params: { feed: `${path}${kind}` },
      props: { kind, scope, items } satisfies Props,
    })),
  );
}

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

function checksItem({ summary: s, failed }: FeedData['checks'][number]) {
  return {
    ...reportItem(s),
    title: xmlText(`${reportTitle(s)}：${failed.length} 项检查未通过`),
    description: xmlText(failed.map((c) => `${c.rule}：${c.message}`).join('；')),
  };
}

/** A revision: the report's page at the revision's notice, dated the day the portal saw the new file. */
function revisionItem({ summary: s, revision: v }: { summary: Summary; revision: Revision }) {
  return {
    title: xmlText(`${reportTitle(s)}：原文已于 ${v.date} 更新`),
    link: `${reportUrl(s.id)}#revision-${versionName(v.sha256)}`,
    pubDate: new Date(`${v.date}T00:00:00+08:00`),
    description: xmlText(`${s.agency}，${s.year}年度。本站于 ${v.date} 发现原始文件有变化，此前版本仍可下载。${changesSummary(v, s.tableTemplates)}`),
  };
}

const FEEDS: Record<Kind, { title: string; description: (scope: string) => string }> = {
  reports: { title: '的新年度报告', description: (scope) => `${scope}最新的政府信息公开工作年度报告（最多 ${FEED_ITEMS} 份）。` },
  checks: {
    title: '未通过一致性检查的报告',
    description: (scope) => `${scope}最新的、本身数字未通过一致性检查的年度报告，每份列出未通过的检查（最多 ${FEED_ITEMS} 份）。`,
  },
  revisions: {
    title: '的报告原文更新',
    description: (scope) => `${scope}的年度报告原文被替换的记录：本站发现变化的日期和有变化的数字，此前版本仍可下载（最多 ${FEED_ITEMS} 条）。`,
  },
};

export function GET(context: APIContext) {
  const { kind, scope, items } = context.props as Props;
  const feed = items();
  const common = {
    title: xmlText(`${scope}${FEEDS[kind].title} · 政府信息公开年报库`),
    description: xmlText(FEEDS[kind].description(scope)),
    site: context.site!,
    customData: '<language>zh-cn</language>',
  };
  if (kind === 'revisions')
    // An item links to its notice on the report page (#revision-…): no slash may follow the fragment.
    return rss({ ...common, items: feed.revisions.map(revisionItem), trailingSlash: false });
  return rss({ ...common, items: kind === 'reports' ? feed.reports.map(reportItem) : feed.checks.map(checksItem) });
}
