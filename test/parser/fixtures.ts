// Synthetic reports for the parser's tests: hand-picked figures laid out in each form nianbao reads.
// Labels come from the template data, so a fixture is the official layout by construction.
import { APPLICANTS, APPLICATION_ROWS, PROACTIVE, REVIEW_BLOCKS, type TemplateId } from '../../model/templates.ts';

export type Cells = Record<string, (number | string)[]>;

/** A consistent 2021 table 三 (R1–R3 hold): 6 new + 1 carried = 7 handled + 0 carried forward. */
export const APPLICATIONS_2021: Cells = {
  received: [5, 1, 0, 0, 0, 0, 6],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [3, 0, 0, 0, 0, 0, 3],
  partlyGranted: [0, 1, 0, 0, 0, 0, 1],
  unavailableNotHeld: [2, 0, 0, 0, 0, 0, 2],
  rejectedDuplicate: [1, 0, 0, 0, 0, 0, 1],
  resultsTotal: [6, 1, 0, 0, 0, 0, 7],
  carriedForward: [0, 0, 0, 0, 0, 0, 0],
};
export const PROACTIVE_2021: Cells = {
  regulations: [0, 0, 0],
  normativeDocuments: [12, 3, 140],
  licensing: [356],
  penalty: [27],
  coercion: [0],
  fees: [1.25],
};
export const PROACTIVE_2019: Cells = {
  regulations: [0, 0, 0],
  normativeDocuments: [7, 7, 7],
  licensing: [45, -3, 120],
  otherServices: [0, 0, 0],
  penalty: [12, 0, 8],
  coercion: [0, 0, 0],
  fees: [3, 0],
  procurement: [2, '0.27亿元'],
};
/** 复议 1 维持 + 1 尚未审结; 直接起诉 1 纠正. */
export const REVIEW: (number | string)[] = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];

export interface Fixture {
  template: TemplateId;
  proactive: Cells;
  applications: Cells;
  review: (number | string)[];
  title: string;
  overview: string;
  signature: string[];
}

export const FIXTURE_2021: Fixture = {
  template: '2021',
  proactive: PROACTIVE_2021,
  applications: APPLICATIONS_2021,
  review: REVIEW,
  title: '青禾县人民政府办公室2021年政府信息公开工作年度报告',
  overview: '2021年，本机关共收到政府信息公开申请7件，其中上年结转1件。全年发生行政复议2件，行政诉讼1件。',
  signature: ['青禾县人民政府办公室', '2022年1月20日'],
};

export const FIXTURE_2019: Fixture = {
  template: '2019',
  proactive: PROACTIVE_2019,
  applications: { ...APPLICATIONS_2021, otherHandling: [0, 0, 0, 0, 0, 0, 0] },
  review: REVIEW.map(() => 0),
  title: '2020年度白石镇政府信息公开工作年度报告',
  overview: '2020年，我镇收到政府信息公开申请7件。',
  signature: ['白石市白石镇人民政府', '二〇二一年一月十九日'],
};

const cell = (v: number | string | undefined) => (v === undefined ? '0' : String(v));
const rowCells = (f: Fixture, key: string) => APPLICANTS.map((_, i) => cell(f.applications[key]?.[i]));

/** Table rows as the official layout prints them: label cells (with group labels) then figures. */
export function tableRows(f: Fixture): { proactive: string[][]; applications: string[][]; review: string[][] } {
  const proactive: string[][] = [];
  for (const block of PROACTIVE[f.template]) {
    proactive.push([block.caption]);
    proactive.push(['信息内容', ...block.columns.map((c) => c.label)]);
    for (const row of block.rows) proactive.push([row.label, ...block.columns.map((_, i) => cell(f.proactive[row.key]?.[i]))]);
  }
  const applications: string[][] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['', '自然人', '法人或其他组织', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  let group = '';
  for (const row of APPLICATION_ROWS[f.template]) {
    const labels =
      row.group && row.group !== group && row.ordinal
        ? ['', row.group, row.label]
        : row.group && !row.ordinal
          ? [row.group === '三、本年度办理结果' && row.key === 'granted' ? row.group : '', row.label]
          : row.ordinal
            ? ['', '', row.label]
            : [row.label];
    group = row.group ?? '';
    applications.push([...labels, ...rowCells(f, row.key)]);
  }
  const review = [
    ['行政复议', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    f.review.map(cell),
  ];
  return { proactive, applications, review };
}

const sectionsAround = (f: Fixture, t2: string, t3: string, t4: string) =>
  [
    f.title,
    '一、总体情况',
    f.overview,
    '二、主动公开政府信息情况',
    t2,
    '三、收到和处理政府信息公开申请情况',
    t3,
    '四、政府信息公开行政复议、行政诉讼情况',
    t4,
    '五、存在的主要问题及改进情况',
    '一是公开内容还不够全面；二是将加强培训。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    ...f.signature,
  ].join('\n');

/**
 * FIXTURE_2021's agency a year later, printing 2 applications carried over from 2021 where 2021 carried
 * forward 0 (R8, between the two reports); its own tables add up.
 */
export const FIXTURE_2022_CARRY_OVER_BREAK: Fixture = {
  ...FIXTURE_2021,
  title: FIXTURE_2021.title.replace('2021', '2022'),
  signature: ['青禾县人民政府办公室', '2023年1月18日'],
  applications: { ...FIXTURE_2021.applications, carriedOver: [2, 0, 0, 0, 0, 0, 2], resultsTotal: [7, 1, 0, 0, 0, 0, 8], granted: [4, 0, 0, 0, 0, 0, 4] },
};

/** Text from Word, one row per line with tab-separated cells (content/002). */
export function tabText(f: Fixture): string {
  const t = tableRows(f);
  const lines = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
  return sectionsAround(f, lines(t.proactive), lines(t.applications), lines(t.review));
}

/** Text from Word, one cell per line after a tab, rows separated by blank lines (content/000). */
export function cellPerLineText(f: Fixture): string {
  const t = tableRows(f);
  const lines = (rows: string[][]) => '\n' + rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n') + '\n';
  return sectionsAround(f, lines(t.proactive), lines(t.applications), lines(t.review));
}

/** A government web page: menus, the report with real tables (merged group labels), a footer. */
export function htmlPage(f: Fixture): string {
  const t = tableRows(f);
  const table = (rows: string[][]) =>
    `<table border="1" style="border-collapse:collapse;mso-table-layout-alt:fixed">${rows
      .map(
        (r) =>
          `<tr>${r.map((c) => `<td style="font-family:仿宋"><p class="MsoNormal">${c === '' ? '&nbsp;' : c.replace('本年新', '本年新<br/>')}</p></td>`).join('')}</tr>`,
      )
      .join('\n')}</table>`;
  const body = sectionsAround(f, '@T2', '@T3', '@T4')
    .split('\n')
    .map((l) => (l.startsWith('@T') ? l : `<p>${l}</p>`))
    .join('\n')
    .replace('@T2', table(t.proactive))
    .replace('@T3', table(t.applications))
    .replace('@T4', table(t.review));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${f.title}_青禾县人民政府</title><meta name="PubDate" content="2022-01-21 09:30"></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div><div class="content">${body}</div><div class="footer">主办单位：青禾县人民政府办公室 版权所有</div></body></html>`;
}

/** Markdown with pipe tables. */
export function markdown(f: Fixture): string {
  const t = tableRows(f);
  const width = (rows: string[][]) => Math.max(...rows.map((r) => r.length));
  const table = (rows: string[][]) => {
    const n = width(rows);
    const pad = (r: string[]) => `| ${[...r, ...Array(n - r.length).fill('')].join(' | ')} |`;
    return [pad(rows[0]), `|${' --- |'.repeat(n)}`, ...rows.slice(1).map(pad)].join('\n');
  };
  return sectionsAround(f, table(t.proactive), table(t.applications), table(t.review)).replace(f.title, `# ${f.title}`);
}

/**
 * Text saved by a crawler from a web page: every cell run together, as in real archives, or
 * separated by single spaces (`separator` ' '), where a blank cell leaves two spaces.
 */
export function crawledText(f: Fixture, separator = ''): string {
  const t = tableRows(f);
  const flat = (rows: string[][]) => rows.map((r) => r.join(separator)).join(separator);
  return `标题: ${f.title}\n发布时间: 2022-01-21 09:30\n==================== 正文 ====================\n${sectionsAround(f, flat(t.proactive), flat(t.applications), flat(t.review)).replace(/\n/g, ' ')}`;
}

/**
 * `pdftotext -layout` output: figures right-aligned in space-padded columns, labels wrapped, a page
 * break with its page number between rows, and the second page shifted sideways.
 */
export function pdfText(f: Fixture): string {
  const t = tableRows(f);
  const row = (cells: string[], indent: number) => {
    const labels = cells
      .filter((c) => !/^-?[\d.]*$|^—$/.test(c) || c === '')
      .filter(Boolean)
      .join(' ');
    const figures = cells.slice(cells.length - 7);
    return ' '.repeat(indent) + labels.padEnd(40, ' ') + figures.map((x) => x.padStart(6, ' ')).join('');
  };
  const t3 = t.applications.slice(3).map((cells, i) => (i === 12 ? `${row(cells, 2)}\n\n                -3-\n` : row(cells, i > 12 ? 6 : 2)));
  const flat = (rows: string[][]) => rows.map((r) => r.join('  ')).join('\n');
  return sectionsAround(f, flat(t.proactive), ['    申请人情况', ...t3].join('\n'), flat(t.review));
}

export const REVIEW_KEYS = REVIEW_BLOCKS.map((b) => b.key);
