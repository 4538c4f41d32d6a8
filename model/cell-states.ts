// The three states of a table cell (data-contract.md, README "The data"): a number; a blank the report
// printed (null, its printed text in `raw`, "" when the cell was empty); and "cannot tell": null with a
// reason in the report's `unknown`. Pages, charts and every CSV keep the three apart.

/** Why nianbao could not tell a cell's value, with the words readers see. */
export const UNKNOWN_REASONS = {
  ambiguous: { label: '无法确定', explain: '原文数字连在一起，有多种拆分方式都符合表内关系，无法确定是哪一种。' },
  'missing-position': { label: '无法确定', explain: '该行印出的数字少于单元格数，无法确定空着的是哪几格。' },
  'layout-lost': { label: '无法确定', explain: '原文是没有保留版面的 PDF 文本，表格的数字与行、列对不上，无法逐格读出。' },
  unreadable: { label: '无法识别', explain: '原文这一格的文字不是数字。' },
  garbled: { label: '无法识别', explain: 'PDF 的字体没有字符映射（ToUnicode），这一格读出的是字形编号而不是文字，不作猜测。' },
  'row-not-found': { label: '未找到该行', explain: '报告中没有找到这一行。' },
  'table-not-found': { label: '未找到该表', explain: '报告中没有找到这张表。' },
  'over-budget': { label: '无法确定', explain: '可能的拆分方式太多，超出了解析的工作上限，未作推断。' },
  'not-safe-integer': { label: '无法识别', explain: '数字过大，无法精确表示。' },
} as const;

export type UnknownReason = keyof typeof UNKNOWN_REASONS;
export const UNKNOWN_REASON_CODES = Object.keys(UNKNOWN_REASONS) as [UnknownReason, ...UnknownReason[]];

/** The warnings that say why cells could not be told, and the reason each gives them (the parser sets `unknown` from these). */
export const REASON_OF_WARNING: Record<string, UnknownReason> = {
  'table/ambiguous-cells': 'ambiguous',
  'table/missing-cells': 'missing-position',
  'table/columns-split': 'layout-lost',
  'table/figures-before-labels': 'layout-lost',
  'table/unreadable-row': 'unreadable',
  'pdf/garbled-text': 'garbled',
  'table/over-budget': 'over-budget',
  'table/not-safe-integer': 'not-safe-integer',
  'table/rows-not-found': 'row-not-found',
  'table/none': 'table-not-found',
};
