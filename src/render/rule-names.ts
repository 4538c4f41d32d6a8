// What each consistency rule checks (report-format.md §4) and what each warning the parser or the data
// stage raises means, in the words the pages use: readers never see a code without its Chinese name.
import { REASON_OF_WARNING } from '../../model/cell-states.ts';

export const RULES: Record<string, { name: string; meaning: string }> = {
  R1: { name: '勾稽关系', meaning: '表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）。这是表格表头印明的官方关系。' },
  R2: { name: '办理结果合计', meaning: '表三每一列：（一）至（六）各项办理结果之和 = （七）总计。' },
  R3: { name: '申请人合计', meaning: '表三每一行：自然人与五类法人或其他组织之和 = 总计。' },
  R4: { name: '复议诉讼合计', meaning: '表四每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。' },
  R5: { name: '取值范围', meaning: '数量应为非负整数（2019 年格式的“本年增/减”可为负数，收费金额可为小数）。' },
  R8: { name: '跨年结转', meaning: '上一年“四、结转下年度继续办理”应等于本年“二、上年结转”。机构调整时可能合理地不一致。' },
  R13: { name: '正文与表格', meaning: '“一、总体情况”等正文中写到的申请数、复议诉讼数应与表格一致。不一致时列为疑点。' },
};

/** Warnings that are not checks: the parser's doubts about reading the report. */
export const WARNING_CODES: Record<string, { name: string; meaning: string }> = {
  'table/ambiguous-cells': {
    name: '数字拆分不唯一',
    meaning: '原文一行的数字连在一起，有几种拆分方式都符合表内关系。无法确定的单元格标为“？ 无法确定”，不填数字。',
  },
  'table/missing-cells': {
    name: '该行数字不全',
    meaning: '原文这一行印出的数字少于单元格数，无法确定空着的是哪几格，这些单元格标为“？ 无法确定”。',
  },
  'table/rows-not-found': { name: '未找到表格行', meaning: '报告中没有找到表格的某些行，这些单元格标为“？ 未找到该行”，不是原表空白。' },
  'table/inferred-boundaries': {
    name: '单元格边界为推断',
    meaning: '原文表格的数字连在一起，单元格边界是按表内勾稽关系推断的；作为推断依据的检查因此不能证明数据正确。请在“原文”页核对拆分。',
  },
  'table/unreadable-row': { name: '无法识别的文字', meaning: '原文表格某行的文字不是数字，无法读出，这些单元格标为“？ 无法识别”。' },
  'table/over-budget': { name: '拆分方式过多', meaning: '可能的拆分方式太多，超出了解析的工作上限，未作推断，这些单元格标为“？ 无法确定”。' },
  'table/not-safe-integer': { name: '数字过大', meaning: '原文数字过大，无法精确表示，这些单元格标为“？ 无法识别”。' },
  'table/columns-split': {
    name: '表格版面丢失',
    meaning:
      '原文是没有保留版面的 PDF 文本，表格各列被拆散，数字与行、列对不上；整张表的单元格标为“？ 无法确定”。请直接放入 PDF 原件（nianbao 按版面读取），或提供 HTML、Word 原件。',
  },
  'table/figures-before-labels': {
    name: '表格版面丢失',
    meaning: '原文是没有保留版面的 PDF 文本，数字出现在行名之前，无法判断属于哪一行；整张表的单元格标为“？ 无法确定”。',
  },
  'pdf/garbled-text': {
    name: 'PDF 字体无字符映射',
    meaning: 'PDF 的字体没有字符映射（ToUnicode），读出的是字形编号而不是文字，原文显示为 �；这些单元格标为“？ 无法识别”，不作猜测。',
  },
  'table/none': { name: '没有统计表', meaning: '报告中没有找到统计表，只收录了文字部分；各项数字均无法确定，不能检查。' },
  'template/mixed': { name: '两表格式不同', meaning: '表二与表三使用了不同年份的国家格式，两表各按自己的格式读取。' },
  'meta/implausible-date': { name: '发布日期存疑', meaning: '报告落款日期不可能是该年度报告的发布日期，改用网页日期或留空。' },
  R8: { name: '跨年结转不一致', meaning: RULES.R8!.meaning },
  R13: { name: '正文与表格不符', meaning: RULES.R13!.meaning },
};

/** "R2（办理结果合计）", "数字拆分不唯一": a rule or warning code as readers see it. */
export const ruleName = (code: string): string => RULES[code]?.name ?? WARNING_CODES[code]?.name ?? '其他提示';

/** The code with its name, for lists that show both ("R2 办理结果合计"); warning codes by their name only. */
export const ruleLabel = (code: string): string => (RULES[code] ? `${code} ${RULES[code]!.name}` : ruleName(code));

/**
 * Warnings that say why cells could not be told: on the page those cells read ？ with the reason, and the
 * report's notice counts them once, so they are not listed again as doubts.
 */
export const CANNOT_TELL_CODES = new Set(Object.keys(REASON_OF_WARNING));
