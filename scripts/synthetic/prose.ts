// The narrative of a synthetic report, written for this project from a small vocabulary of
// administrative phrases (no real report's text). Each section picks and orders phrases per report and
// fills in the agency's details; the figures it restates come from the report's own tables.
import { APPLICATION_ROWS, type TemplateId } from '../../model/templates.ts';
import type { Agency } from './agencies.ts';
import type { Random } from './random.ts';

/** What the prose needs to know about one report. */
export interface Context {
  agency: Agency;
  year: number;
  template: TemplateId;
  /** How the agency refers to itself: 我局, 我镇, 我县 … */
  we: string;
  /** The website it publishes on. */
  site: string;
  /** A true (consistent) table value. */
  /** A cell's true value: `n('applications', 'received', 'total')` (model/cell-paths.ts). */
  n: (...path: string[]) => number;
}

export function selfReference(agency: Agency): string {
  const name = agency.name;
  if (agency.level === 'township') return name.endsWith('办事处') ? '我街道' : name.includes('乡') && !name.includes('镇') ? '我乡' : '我镇';
  if (agency.level !== 'department') {
    const place = agency.short;
    return place.endsWith('自治区') ? '我区' : `我${place.slice(-1)}`;
  }
  if (name.endsWith('委员会')) return '我委';
  if (name.endsWith('办公室')) return '我办';
  return `我${name.slice(-1)}`;
}

const fill = (text: string, c: Context, extra: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(extra[key] ?? { we: c.we, site: c.site, A: c.agency.name, Y: c.year }[key] ?? `{${key}}`));

const PREAMBLE = [
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级政府信息公开工作主管部门的部署要求编制。',
  '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。',
  '本报告所列数据的统计期限自{Y}年1月1日起至{Y}年12月31日止。',
  '本报告电子版可在{site}“政府信息公开”专栏查阅和下载。',
  '如对本报告有任何疑问，请与{A}政务公开工作机构联系（电话：{phone}）。',
];

const ACTIVE = [
  '{Y}年，{we}坚持以公开为常态、不公开为例外，围绕中心工作持续深化主动公开，全年通过{site}主动公开政府信息{items}条。',
  '{we}对照主动公开基本目录逐项梳理公开事项，动态更新机构职能、权责清单、办事指南等基础信息{updates}条。',
  '聚焦群众关心关注的重点领域，及时公开财政预决算、重大建设项目、公共资源配置和社会公益事业等信息。',
  '{documents}，均按规定在印发后及时公开并同步开展政策解读。',
  '围绕惠企利民政策，采取图文、问答、短视频等形式解读政策{readings}篇，提升政策知晓度。',
  '按照“谁起草、谁解读”的原则，坚持政策文件与解读材料同步组织、同步审签、同步部署。',
  '对涉及公众切身利益的事项，通过公开征求意见、座谈走访等方式听取意见建议。',
];

const REQUESTS_NONE = ['{Y}年，{we}未收到政府信息公开申请，无上年结转申请。', '全年未发生依申请公开事项，依申请公开渠道保持畅通。'];
const REQUESTS = [
  '{Y}年，{we}共新收政府信息公开申请{received}件，其中自然人申请{natural}件、法人或其他组织申请{organisations}件，上年结转{carried}件。',
  '已办结{results}件，其中予以公开{granted}件、部分公开{partly}件、不予公开{withheld}件、无法提供{unavailable}件、不予处理{rejected}件、其他处理{other}件，结转下年度继续办理{forward}件。',
  '{we}严格执行依申请公开登记、审核、办理、答复、归档等环节的工作规范，确保在法定期限内答复。',
  '对申请内容不明确的，一次性告知申请人补正事项；对不属于本机关公开职责的，告知申请人获取途径。',
];

const MANAGEMENT = [
  '{we}严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”，全年未发生泄密事件。',
  '定期对已公开的政策文件进行清理，对已废止、失效的文件及时标注效力状态。',
  '健全政府信息公开属性源头认定机制，在公文办理环节同步明确公开属性。',
  '加强政府信息公开档案管理，做到依申请公开办理全过程留痕、可追溯。',
  '规范政府信息发布流程，严格执行信息采集、编辑、审核、发布的分级把关。',
];

const PLATFORM = [
  '{we}持续优化{site}政府信息公开专栏，按照统一规范调整栏目设置，方便公众查找。',
  '加强政务新媒体管理，全年通过政务微信公众号发布信息{posts}条。',
  '在办事服务大厅设置政府信息查阅点，为群众提供现场查阅服务。',
  '推动政府网站与政务服务平台数据互联互通，提升信息发布的及时性和准确性。',
  '利用公开栏、电子显示屏等线下渠道公开基层群众关心的惠民政策和办事事项。',
];

const OVERSIGHT = [
  '{we}将政务公开工作纳入年度目标考核，明确分管领导和具体承办人员，层层压实工作责任。',
  '组织开展政府信息公开业务培训{trainings}次，提升工作人员依法公开的能力。',
  '主动接受社会监督，畅通意见反馈渠道，对公众提出的意见建议及时研究改进。',
  '全年未发生因政府信息公开工作引发的责任追究情况。',
  '开展政务公开自查，对发现的问题逐项整改并建立台账。',
];

const PROBLEMS = [
  '主动公开的深度和广度仍需拓展，部分领域信息更新不够及时。',
  '政策解读形式还不够丰富，解读的针对性和可读性有待提升。',
  '工作人员业务能力参差不齐，依申请公开答复的规范化水平有待提高。',
  '基层公开标准化规范化建设仍有短板，公开内容与群众需求衔接不够紧密。',
];
const IMPROVEMENTS = [
  '下一步，{we}将进一步加强组织领导，健全信息发布审核机制，确保公开信息准确规范。',
  '加大重点领域信息公开力度，及时回应社会关切，提升公开实效。',
  '丰富政策解读形式，更多运用图表图解、问答等群众喜闻乐见的方式开展解读。',
  '加强业务培训和交流学习，不断提升政府信息公开工作人员的业务水平。',
  '完善考核评估机制，推动政务公开各项工作任务落到实处。',
];

const take = (rnd: Random, pool: string[], min: number, max: number) => {
  const picked = new Set(
    rnd.sample(
      pool.map((_, i) => i),
      rnd.int(min, max),
    ),
  );
  return pool.filter((_, i) => picked.has(i)); // keep the pool's order: it reads as an argument
};

export function preamble(c: Context, rnd: Random): string {
  const phone = `0${rnd.int(300, 999)}-${rnd.int(2000000, 8999999)}`;
  return take(rnd, PREAMBLE, 2, 5)
    .map((s) => fill(s, c, { phone }))
    .join('');
}

/** 一、总体情况: five sub-topics, each a paragraph (report-format.md §2). */
export function overview(c: Context, rnd: Random): { heading: string; text: string }[] {
  const documents =
    c.template === '2021'
      ? `全年制发行政规范性文件${c.n('proactive', 'normativeDocuments', 'issued')}件，废止${c.n('proactive', 'normativeDocuments', 'repealed')}件，现行有效${c.n('proactive', 'normativeDocuments', 'inForce')}件`
      : `全年新制作规范性文件${c.n('proactive', 'normativeDocuments', 'made')}件，新公开${c.n('proactive', 'normativeDocuments', 'published')}件`;
  const sum = (prefix: string) => {
    let total = 0;
    for (const { key } of APPLICATION_ROWS[c.template]) if (key.startsWith(prefix)) total += c.n('applications', key, 'total');
    return total;
  };
  const organisations = c.n('applications', 'received', 'total') - c.n('applications', 'received', 'naturalPerson');
  const figures = {
    items: rnd.around(180),
    updates: rnd.around(30),
    readings: rnd.around(8),
    posts: rnd.around(120),
    trainings: rnd.int(1, 6),
    documents,
    received: c.n('applications', 'received', 'total'),
    natural: c.n('applications', 'received', 'naturalPerson'),
    organisations,
    carried: c.n('applications', 'carriedOver', 'total'),
    results: c.n('applications', 'resultsTotal', 'total'),
    granted: c.n('applications', 'granted', 'total'),
    partly: c.n('applications', 'partlyGranted', 'total'),
    withheld: sum('withheld'),
    unavailable: sum('unavailable'),
    rejected: sum('rejected'),
    other: sum('other'),
    forward: c.n('applications', 'carriedForward', 'total'),
  };
  // The figures of 依申请公开 always appear when there were applications (R13 compares them).
  const requests =
    figures.received + figures.carried === 0 ? take(rnd, REQUESTS_NONE, 1, 2) : [REQUESTS[0], REQUESTS[1], ...take(rnd, REQUESTS.slice(2), 0, 2)];
  const topics: [string, string[]][] = [
    ['（一）主动公开', take(rnd, ACTIVE, 3, 6)],
    ['（二）依申请公开', requests],
    ['（三）政府信息管理', take(rnd, MANAGEMENT, 2, 4)],
    ['（四）政府信息公开平台建设', take(rnd, PLATFORM, 2, 4)],
    ['（五）监督保障', take(rnd, OVERSIGHT, 2, 4)],
  ];
  return topics.map(([topic, sentences]) => ({
    heading: `${topic}${rnd.chance(0.5) ? '情况' : '方面'}`,
    text: sentences.map((s) => fill(s, c, figures)).join(''),
  }));
}

export function reviewSummary(c: Context): string {
  const review = c.n('review', 'total');
  const suits = c.n('litigationDirect', 'total') + c.n('litigationAfterReview', 'total');
  if (review + suits === 0) return fill('{Y}年，{we}未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', c);
  return fill('{Y}年，{we}因政府信息公开工作被申请行政复议{review}件、被提起行政诉讼{suits}件，具体情况见下表。', c, { review, suits });
}

export function problems(c: Context, rnd: Random): string[] {
  const ordinals = ['一是', '二是', '三是', '四是'];
  return [
    take(rnd, PROBLEMS, 2, 4)
      .map((s, i) => ordinals[i] + s)
      .join(''),
    take(rnd, IMPROVEMENTS, 2, 5)
      .map((s) => fill(s, c))
      .join(''),
  ];
}

export function otherMatters(c: Context, rnd: Random): string {
  if (c.year < 2021 && rnd.chance(0.5)) return '无。';
  const fee = rnd.chance(0.9) ? `${c.year}年，${c.we}未收取信息处理费。` : `${c.year}年，${c.we}依据有关规定收取信息处理费共计${rnd.int(1, 40) * 10}元。`;
  return fee + (rnd.chance(0.5) ? '无其他需要报告的事项。' : '');
}
