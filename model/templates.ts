// The national table templates as data (report-format.md §3): one declaration per template version. The
// parser finds rows by these labels and tells the templates apart by their signs; the report schema, the
// cell paths, the report page's table layouts, the downloads and the data dictionary all derive from here.
// A third template is one more entry in TEMPLATE_DATA: a missing piece fails to type-check.

export interface Column {
  key: string;
  label: string;
  /** The merged header printed over this column and its neighbours of the same group ("法人或其他组织"). */
  group?: string;
}

/** The groups of table 三's outcome rows (三、本年度办理结果), summed per group in key figures and R2. */
export const OUTCOME_GROUPS = [
  { key: 'granted', label: '予以公开' },
  { key: 'partlyGranted', label: '部分公开' },
  { key: 'withheld', label: '不予公开' },
  { key: 'unavailable', label: '无法提供' },
  { key: 'rejected', label: '不予处理' },
  { key: 'otherHandling', label: '其他处理' },
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]['key'];

export interface Row {
  key: string;
  /** The label as the official template prints it. */
  label: string;
  /** The label without its numbering and annotation ("（二）部分公开（区分处理的…）" → "部分公开"), for charts and search. */
  short: string;
  /**
   * Fragments that identify the row in a real report, tried in order; labels in the wild are reworded,
   * annotated and broken across lines, so the shortest unambiguous fragment comes last.
   */
  match: string[];
  /** Merged group label the row sits under, e.g. "（三）不予公开". */
  group?: string;
  /** Number printed before the label ("1."), which crawled text glues to the cell before it. */
  ordinal?: string;
  /** For table 三's outcome rows: the group R2 and the key figures count it in. */
  outcome?: OutcomeGroup;
}

/** Table 二: one block per 第二十条 item, each with its own columns. */
export interface ProactiveBlock {
  caption: string;
  columns: Column[];
  rows: Row[];
  /** Column keys holding money, normalised to 万元. */
  money?: string[];
  /** Column keys that may be negative (2019 本年增/减). */
  signed?: string[];
}

export interface Template {
  /** How pages name the template. */
  label: string;
  /** Which reports use it (report-format.md §1). */
  usedFor: string;
  proactive: ProactiveBlock[];
  applicationRows: Row[];
  /**
   * Labels only this template prints, per table: a report's tables are recognised by them, never by its
   * year (report-format.md §3.3, §6). The template with most signs found wins; on a tie, the first declared.
   */
  signs: { proactive: string[]; applications: string[] };
}

const col = <K extends string>(key: K, label: string, group?: string): { key: K; label: string; group?: string } =>
  group ? { key, label, group } : { key, label };
const row = (key: string, label: string, short: string, match: string[] = [label], extra: Partial<Row> = {}): Row => ({ key, label, short, match, ...extra });

/**
 * The words the tables' headers print besides the row and column labels (report-format.md §3.1): each
 * table's caption, table 二's label-column header, table 三's 勾稽 note and the header over its applicants.
 */
export const HEADER_WORDS = {
  proactive: { caption: '主动公开政府信息情况', rowHeader: '信息内容' },
  applications: {
    caption: '收到和处理政府信息公开申请情况',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columnsHeader: '申请人情况',
  },
  review: { caption: '政府信息公开行政复议、行政诉讼情况' },
} as const;

const ORGANISATIONS = '法人或其他组织';

/** Table 三's columns, in printed order (自然人, the five 法人或其他组织 kinds, 总计). */
export const APPLICANTS = [
  col('naturalPerson', '自然人'),
  col('business', '商业企业', ORGANISATIONS),
  col('research', '科研机构', ORGANISATIONS),
  col('nonprofit', '社会公益组织', ORGANISATIONS),
  col('legalService', '法律服务机构', ORGANISATIONS),
  col('otherOrg', '其他', ORGANISATIONS),
  col('total', '总计'),
] as const satisfies readonly Column[];
/** R3: no 法人 subtotal column exists in either template (report-format.md §4). */
export const APPLICANT_PARTS = APPLICANTS.slice(0, 6).map((c) => c.key);

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
const OTHER = '（六）其他处理';

const sub = (key: string, ordinal: string, label: string, group: string, outcome: OutcomeGroup, match: string[] = [label], short = label) =>
  row(key, `${ordinal}.${label}`, short, match, { group, ordinal, outcome });

const headRows: Row[] = [
  row('received', '一、本年新收政府信息公开申请数量', '本年新收申请', ['本年新收政府信息公开申请数量', '本年新收']),
  row('carriedOver', '二、上年结转政府信息公开申请数量', '上年结转', ['上年结转政府信息公开申请数量', '上年结转']),
  row('granted', '（一）予以公开', '予以公开', ['予以公开'], { group: RESULTS, outcome: 'granted' }),
  row('partlyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', ['部分公开'], { group: RESULTS, outcome: 'partlyGranted' }),
  sub('withheldStateSecret', '1', '属于国家秘密', WITHHELD, 'withheld', ['属于国家秘密', '国家秘密']),
  sub('withheldByLaw', '2', '其他法律行政法规禁止公开', WITHHELD, 'withheld', ['其他法律行政法规禁止公开', '其他法律']),
  sub('withheldSafety', '3', '危及“三安全一稳定”', WITHHELD, 'withheld', ['危及', '三安全一稳定']),
  sub('withheldThirdParty', '4', '保护第三方合法权益', WITHHELD, 'withheld', ['保护第三方合法权益', '第三方']),
  sub('withheldInternal', '5', '属于三类内部事务信息', WITHHELD, 'withheld', ['属于三类内部事务信息', '内部事务']),
  sub('withheldProcess', '6', '属于四类过程性信息', WITHHELD, 'withheld', ['属于四类过程性信息', '过程性信息']),
  sub('withheldEnforcement', '7', '属于行政执法案卷', WITHHELD, 'withheld', ['属于行政执法案卷', '执法案卷']),
  sub('withheldQuery', '8', '属于行政查询事项', WITHHELD, 'withheld', ['属于行政查询事项', '查询事项']),
  sub('unavailableNotHeld', '1', '本机关不掌握相关政府信息', UNAVAILABLE, 'unavailable', ['本机关不掌握相关政府信息', '不掌握']),
  sub('unavailableNeedsCreation', '2', '没有现成信息需要另行制作', UNAVAILABLE, 'unavailable', ['没有现成信息需要另行制作', '另行制作']),
  sub('unavailableUnclear', '3', '补正后申请内容仍不明确', UNAVAILABLE, 'unavailable', ['补正后申请内容仍不明确', '仍不明确']),
  sub('rejectedComplaint', '1', '信访举报投诉类申请', REJECTED, 'rejected', ['信访举报投诉类申请', '信访举报']),
  sub('rejectedDuplicate', '2', '重复申请', REJECTED, 'rejected'),
  sub('rejectedPublication', '3', '要求提供公开出版物', REJECTED, 'rejected', ['要求提供公开出版物', '公开出版物']),
  sub('rejectedExcessive', '4', '无正当理由大量反复申请', REJECTED, 'rejected', ['无正当理由大量反复申请', '大量反复']),
  sub('rejectedConfirmation', '5', '要求行政机关确认或重新出具已获取信息', REJECTED, 'rejected', [
    '要求行政机关确认或重新出具已获取信息',
    '确认或重新出具',
    '要求行政机关确认',
  ]),
];
const tailRows: Row[] = [
  row('resultsTotal', '（七）总计', '办理结果总计', ['（七）总计'], { group: RESULTS }),
  row('carriedForward', '四、结转下年度继续办理', '结转下年度', ['结转下年度继续办理', '结转下一年度继续办理', '结转下年度', '结转下一年度']),
];

const items2019 = [col('previous', '上一年项目数量'), col('change', '本年增/减'), col('decisions', '处理决定数量')];
const decisions2021 = [col('decisions', '本年处理决定数量')];

export const TEMPLATE_DATA = {
  '2019': {
    label: '2019年格式（试行，国办公开办函〔2019〕60号）',
    usedFor: '2019、2020 年度报告',
    proactive: [
      {
        caption: '第二十条第（一）项',
        columns: [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('inForceTotal', '对外公开总数量')],
        rows: [row('regulations', '规章', '规章'), row('normativeDocuments', '规范性文件', '规范性文件')],
      },
      {
        caption: '第二十条第（五）项',
        columns: items2019,
        rows: [
          row('licensing', '行政许可', '行政许可'),
          row('otherServices', '其他对外管理服务事项', '其他对外管理服务事项', ['其他对外管理服务事项', '对外管理服务事项']),
        ],
        signed: ['change'],
      },
      {
        caption: '第二十条第（六）项',
        columns: items2019,
        rows: [row('penalty', '行政处罚', '行政处罚'), row('coercion', '行政强制', '行政强制')],
        signed: ['change'],
      },
      { caption: '第二十条第（八）项', columns: items2019.slice(0, 2), rows: [row('fees', '行政事业性收费', '行政事业性收费')], signed: ['change'] },
      {
        caption: '第二十条第（九）项',
        columns: [col('projects', '采购项目数量'), col('amount', '采购总金额')],
        rows: [row('procurement', '政府集中采购', '政府集中采购')],
        money: ['amount'],
      },
    ],
    applicationRows: [
      ...headRows,
      row('otherHandling', '（六）其他处理', '其他处理', ['（六）其他处理', '其他处理'], { group: RESULTS, outcome: 'otherHandling' }),
      ...tailRows,
    ],
    signs: {
      proactive: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额', '政府集中采购'],
      // One （六）其他处理 row: nothing 2019 prints that 2021 does not, so 2019 is the default.
      applications: [],
    },
  },
  '2021': {
    label: '2021年格式（国办公开办函〔2021〕30号）',
    usedFor: '2021 年度起的报告',
    proactive: [
      {
        caption: '第二十条第（一）项',
        columns: [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('inForce', '现行有效件数')],
        rows: [row('regulations', '规章', '规章'), row('normativeDocuments', '行政规范性文件', '行政规范性文件', ['行政规范性文件', '规范性文件'])],
      },
      { caption: '第二十条第（五）项', columns: decisions2021, rows: [row('licensing', '行政许可', '行政许可')] },
      { caption: '第二十条第（六）项', columns: decisions2021, rows: [row('penalty', '行政处罚', '行政处罚'), row('coercion', '行政强制', '行政强制')] },
      {
        caption: '第二十条第（八）项',
        columns: [col('amount', '本年收费金额（单位：万元）')],
        rows: [row('fees', '行政事业性收费', '行政事业性收费')],
        money: ['amount'],
      },
    ],
    applicationRows: [
      ...headRows,
      sub(
        'otherNoCorrection',
        '1',
        '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        OTHER,
        'otherHandling',
        ['申请人无正当理由逾期不补正', '逾期不补正'],
        '逾期不补正',
      ),
      sub(
        'otherFeeUnpaid',
        '2',
        '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        OTHER,
        'otherHandling',
        ['申请人逾期未按收费通知', '未按收费通知', '缴纳费用'],
        '逾期未缴费',
      ),
      sub('otherMisc', '3', '其他', OTHER, 'otherHandling'),
      ...tailRows,
    ],
    signs: {
      proactive: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
      applications: ['逾期不补正', '未按收费通知'],
    },
  },
} as const satisfies Record<string, Template>;

export type TemplateId = keyof typeof TEMPLATE_DATA;
/** Template ids in declaration order (the order ties are broken in). */
export const TEMPLATES = Object.keys(TEMPLATE_DATA) as [TemplateId, ...TemplateId[]];

const byTemplate = <T>(pick: (t: Template) => T) => Object.fromEntries(TEMPLATES.map((id) => [id, pick(TEMPLATE_DATA[id])])) as Record<TemplateId, T>;
export const PROACTIVE = byTemplate((t) => t.proactive);
export const APPLICATION_ROWS = byTemplate((t) => t.applicationRows);

/** Labels found in every template's table 三 (its presence, whatever the template). */
export const APPLICATION_SIGNS_ANY = ['本年新收政府信息公开申请', '上年结转政府信息公开申请', '结转下年度继续办理', '结转下一年度继续办理'];

/** Rows summed by R2 into （七）总计 (every outcome row; the template prints no subtotals). */
export const outcomeRows = (template: TemplateId): string[] => APPLICATION_ROWS[template].filter((r) => r.outcome).map((r) => r.key);

/** Table 四: three blocks of five columns, one data row (identical in both templates). */
export const REVIEW_COLUMNS = [
  col('upheld', '结果维持'),
  col('corrected', '结果纠正'),
  col('other', '其他结果'),
  col('pending', '尚未审结'),
  col('total', '总计'),
] as const satisfies readonly Column[];
export const REVIEW_PARTS = REVIEW_COLUMNS.slice(0, 4).map((c) => c.key);

/**
 * A block of table 四: five columns under its own label, and under its group's where the template prints
 * one; `name` is the block on one line, group first ("行政诉讼·复议后起诉"), as CSV headers, the data
 * dictionary and charts print it.
 */
const block = <K extends string>(key: K, label: string, group?: string) => ({ ...col(key, label, group), name: group ? `${group}·${label}` : label });

/** Table 四's blocks in printed order: 行政复议, then 行政诉讼 split into two (each report holds one key per block). */
export const REVIEW_BLOCKS = [
  block('review', '行政复议'),
  block('litigationDirect', '未经复议直接起诉', '行政诉讼'),
  block('litigationAfterReview', '复议后起诉', '行政诉讼'),
] as const satisfies readonly (Column & { name: string })[];
export type ReviewBlockKey = (typeof REVIEW_BLOCKS)[number]['key'];

/** Section headings (report-format.md §2), with the fragments that find reworded or misnumbered ones. */
export const SECTIONS: { key: string; label: string; match: string[] }[] = [
  { key: 'overview', label: '一、总体情况', match: ['总体情况'] },
  { key: 'proactive', label: '二、主动公开政府信息情况', match: ['主动公开政府信息情况'] },
  { key: 'applications', label: '三、收到和处理政府信息公开申请情况', match: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请'] },
  {
    key: 'review',
    label: '四、政府信息公开行政复议、行政诉讼情况',
    match: ['行政复议、行政诉讼情况', '行政复议、提起行政诉讼情况', '行政复议、行政诉讼', '行政复议与行政诉讼情况', '行政诉讼情况'],
  },
  { key: 'problems', label: '五、存在的主要问题及改进情况', match: ['存在的主要问题', '主要问题及改进', '主要问题和改进'] },
  { key: 'other', label: '六、其他需要报告的事项', match: ['其他需要报告的事项'] },
];
