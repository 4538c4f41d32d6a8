// What each consistency rule checks (report-format.md §4), in the words the pages use.
export const RULES: Record<string, { name: string; meaning: string }> = {
  R1: { name: '勾稽关系', meaning: '表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）。这是表格表头印明的官方关系。' },
  R2: { name: '办理结果合计', meaning: '表三每一列：（一）至（六）各项办理结果之和 = （七）总计。' },
  R3: { name: '申请人合计', meaning: '表三每一行：自然人与五类法人或其他组织之和 = 总计。' },
  R4: { name: '复议诉讼合计', meaning: '表四每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。' },
  R5: { name: '取值范围', meaning: '数量应为非负整数（2019 年格式的“本年增/减”可为负数，收费金额可为小数）。' },
  R8: { name: '跨年结转', meaning: '上一年“四、结转下年度继续办理”应等于本年“二、上年结转”。机构调整时可能合理地不一致。' },
  R13: { name: '正文与表格', meaning: '“一、总体情况”等正文中写到的申请数、复议诉讼数应与表格一致。不一致时列为疑点。' },
};
