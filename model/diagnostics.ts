// Every diagnostic nianbao gives, declared once: the consistency rules (report-format.md §4), the doubts the
// parser and the data stage raise, and the reasons a cell cannot be told. Pages, the about page, the data
// dictionary, checks.csv and the marks all read them from here; a code named nowhere here is a type error
// where it is made and a clear error where it is read (`diagnostic`), never a silent 其他提示.
//
// The three states of a table cell (data-contract.md, README "The data"): a number; a blank the report
// printed (null, its printed text in `raw`, "" when the cell was empty); and "cannot tell": null with a
// reason in the report's `unknown`. Pages, charts and every CSV keep the three apart.

/**
 * Why nianbao could not tell a cell's value. `label`: what the cell reads (？ 无法确定); `name`: the reason in
 * a few words (the data dictionary's list); `explain`: the sentence readers see.
 */
export const UNKNOWN_REASONS = {
  ambiguous: { label: '无法确定', name: '拆分不唯一', explain: '原文数字连在一起，有多种拆分方式都符合表内关系，无法确定是哪一种。' },
  'missing-position': { label: '无法确定', name: '数字不全', explain: '该行印出的数字少于单元格数，无法确定空着的是哪几格。' },
  'layout-lost': {
    label: '无法确定',
    name: '版面丢失',
    explain: '原文是没有保留版面的 PDF 文本，表格的数字与行、列对不上，无法逐格读出。',
  },
  unreadable: { label: '无法识别', name: '无法识别', explain: '原文这一格的文字不是数字。' },
  garbled: {
    label: '无法识别',
    name: '字体无字符映射',
    explain: 'PDF 的字体没有字符映射（ToUnicode），这一格读出的是字形编号而不是文字，不作猜测。',
  },
  'row-not-found': { label: '未找到该行', name: '未找到该行', explain: '报告中没有找到这一行。' },
  'table-not-found': { label: '未找到该表', name: '未找到该表', explain: '报告中没有找到这张表。' },
  'over-budget': { label: '无法确定', name: '超出工作上限', explain: '可能的拆分方式太多，超出了解析的工作上限，未作推断。' },
  'not-safe-integer': { label: '无法识别', name: '数字过大', explain: '数字过大，无法精确表示。' },
} as const satisfies Record<string, { label: string; name: string; explain: string }>;

export type UnknownReason = keyof typeof UNKNOWN_REASONS;
export const UNKNOWN_REASON_CODES = Object.keys(UNKNOWN_REASONS) as [UnknownReason, ...UnknownReason[]];

/**
 * How a diagnostic weighs on the numbers it names (model/marks.ts grades them):
 * - `check`: a rule the parser checks on every report (a Check): failed ⚠, undecided ？;
 * - `contradiction`: a finding that the report contradicts itself (R8, R13): ⚠ on its cells;
 * - `cannot-tell`: the cells it names could not be told, for its `reason`: ？;
 * - `note`: a doubt about the reading that needs no caution (a quiet note on the report page).
 */
export type Severity = 'check' | 'contradiction' | 'cannot-tell' | 'note';

interface Entry {
  severity: Severity;
  /** What readers see for the code ("R2 办理结果合计", "数字拆分不唯一"). */
  name: string;
  /** What it means, on the about page. */
  meaning: string;
  /** For `cannot-tell`: the reason each cell it names is given in the report's `unknown`. */
  reason?: UnknownReason;
}

const DIAGNOSTICS = {
  R1: {
    severity: 'check',
    name: '勾稽关系',
    meaning: '表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）。这是表格表头印明的官方关系。',
  },
  R2: { severity: 'check', name: '办理结果合计', meaning: '表三每一列：（一）至（六）各项办理结果之和 = （七）总计。' },
  R3: { severity: 'check', name: '申请人合计', meaning: '表三每一行：自然人与五类法人或其他组织之和 = 总计。' },
  R4: { severity: 'check', name: '复议诉讼合计', meaning: '表四每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。' },
  R5: { severity: 'check', name: '取值范围', meaning: '数量应为非负整数（2019 年格式的“本年增/减”可为负数，收费金额可为小数）。' },
  R8: {
    severity: 'contradiction',
    name: '跨年结转',
    meaning: '上一年“四、结转下年度继续办理”应等于本年“二、上年结转”。机构调整时可能合理地不一致。',
  },
  R13: {
    severity: 'contradiction',
    name: '正文与表格',
    meaning: '“一、总体情况”等正文中写到的申请数、复议诉讼数应与表格一致。不一致时列为疑点。',
  },
  'table/ambiguous-cells': {
    severity: 'cannot-tell',
    reason: 'ambiguous',
    name: '数字拆分不唯一',
    meaning: '原文一行的数字连在一起，有几种拆分方式都符合表内关系。无法确定的单元格标为“？ 无法确定”，不填数字。',
  },
  'table/missing-cells': {
    severity: 'cannot-tell',
    reason: 'missing-position',
    name: '该行数字不全',
    meaning: '原文这一行印出的数字少于单元格数，无法确定空着的是哪几格，这些单元格标为“？ 无法确定”。',
  },
  'table/rows-not-found': {
    severity: 'cannot-tell',
    reason: 'row-not-found',
    name: '未找到表格行',
    meaning: '报告中没有找到表格的某些行，这些单元格标为“？ 未找到该行”，不是原表空白。',
  },
  'table/inferred-boundaries': {
    severity: 'note',
    name: '单元格边界为推断',
    meaning: '原文表格的数字连在一起，单元格边界是按表内勾稽关系推断的；作为推断依据的检查因此不能证明数据正确。请在“原文”页核对拆分。',
  },
  'table/unreadable-row': {
    severity: 'cannot-tell',
    reason: 'unreadable',
    name: '无法识别的文字',
    meaning: '原文表格某行的文字不是数字，无法读出，这些单元格标为“？ 无法识别”。',
  },
  'table/over-budget': {
    severity: 'cannot-tell',
    reason: 'over-budget',
    name: '拆分方式过多',
    meaning: '可能的拆分方式太多，超出了解析的工作上限，未作推断，这些单元格标为“？ 无法确定”。',
  },
  'table/not-safe-integer': {
    severity: 'cannot-tell',
    reason: 'not-safe-integer',
    name: '数字过大',
    meaning: '原文数字过大，无法精确表示，这些单元格标为“？ 无法识别”。',
  },
  'table/columns-split': {
    severity: 'cannot-tell',
    reason: 'layout-lost',
    name: '表格版面丢失',
    meaning:
      '原文是没有保留版面的 PDF 文本，表格各列被拆散，数字与行、列对不上；整张表的单元格标为“？ 无法确定”。请直接放入 PDF 原件（nianbao 按版面读取），或提供 HTML、Word 原件。',
  },
  'table/figures-before-labels': {
    severity: 'cannot-tell',
    reason: 'layout-lost',
    name: '表格版面丢失',
    meaning: '原文是没有保留版面的 PDF 文本，数字出现在行名之前，无法判断属于哪一行；整张表的单元格标为“？ 无法确定”。',
  },
  'pdf/garbled-text': {
    severity: 'cannot-tell',
    reason: 'garbled',
    name: 'PDF 字体无字符映射',
    meaning: 'PDF 的字体没有字符映射（ToUnicode），读出的是字形编号而不是文字，原文显示为 �；这些单元格标为“？ 无法识别”，不作猜测。',
  },
  'table/none': {
    severity: 'cannot-tell',
    reason: 'table-not-found',
    name: '没有统计表',
    meaning: '报告中没有找到统计表，只收录了文字部分；各项数字均无法确定，不能检查。',
  },
  'template/mixed': { severity: 'note', name: '两表格式不同', meaning: '表二与表三使用了不同年份的国家格式，两表各按自己的格式读取。' },
  'meta/implausible-date': { severity: 'note', name: '发布日期存疑', meaning: '报告落款日期不可能是该年度报告的发布日期，改用网页日期或留空。' },
} as const satisfies Record<string, Entry>;

/** Every code nianbao emits: a check's rule or a warning's code. */
export type Code = keyof typeof DIAGNOSTICS;
type Of<S extends Severity> = { [C in Code]: (typeof DIAGNOSTICS)[C]['severity'] extends S ? C : never }[Code];
/** The rules a report's `checks` hold. */
export type CheckRule = Of<'check'>;
/** The codes a report's `warnings` hold (R8 and R13 among them: findings, not checks). */
export type WarningCode = Of<'contradiction' | 'cannot-tell' | 'note'>;

export const CODES = Object.keys(DIAGNOSTICS) as Code[];
const ofSeverity = <C extends Code>(...severities: Severity[]) => CODES.filter((c) => severities.includes(DIAGNOSTICS[c].severity)) as [C, ...C[]];
export const CHECK_RULES = ofSeverity<CheckRule>('check');
export const WARNING_CODES = ofSeverity<WarningCode>('contradiction', 'cannot-tell', 'note');

export type Diagnostic = Entry & { code: Code };

/** A code's entry; a code nobody named here (a stale data file, a typo in a page) stops the build with the code, not a silent 其他提示. */
export function diagnostic(code: string): Diagnostic {
  if (!Object.hasOwn(DIAGNOSTICS, code))
    throw new Error(`Unknown diagnostic code ${JSON.stringify(code)}: every rule and warning code is named in model/diagnostics.ts.`);
  return { code: code as Code, ...(DIAGNOSTICS[code as Code] as Entry) };
}

/** Every diagnostic of these severities, in declaration order (the about page lists them). */
export const diagnostics = (...severities: Severity[]): Diagnostic[] => CODES.filter((c) => severities.includes(DIAGNOSTICS[c].severity)).map(diagnostic);

/** "办理结果合计", "数字拆分不唯一": a code as readers see it. */
export const codeName = (code: string): string => diagnostic(code).name;

/** The code with its name where the code is a rule readers can look up ("R2 办理结果合计"); other codes by their name only. */
export const codeLabel = (code: string): string => {
  const d = diagnostic(code);
  return d.severity === 'check' || d.severity === 'contradiction' ? `${code} ${d.name}` : d.name;
};

/** The reason a warning gives the cells it names, when it says they cannot be told. */
export const reasonOf = (code: string): UnknownReason | undefined => diagnostic(code).reason;

/** Whether a warning's cells are contradicted (⚠), not only doubted. */
export const isContradiction = (code: string): boolean => diagnostic(code).severity === 'contradiction';
