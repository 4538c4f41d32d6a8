// What the published data is, said once for the data package (datapackage.json), the schema.org Dataset
// markup of the data page and the page itself. A portal that publishes under other terms changes LICENSE.

export const DATASET = {
  name: 'nianbao-annual-reports',
  title: '政府信息公开工作年度报告数据',
  description:
    '各机关公开发布的《政府信息公开工作年度报告》中的统计表（表二主动公开、表三收到和处理政府信息公开申请、表四行政复议和行政诉讼），由 nianbao 从原文逐格提取并核对其自身的勾稽关系。空白单元格（原表空白）不是 0；无法从原文确定的单元格另行标明，不写作空白。',
  keywords: ['政府信息公开', '年度报告', '政府信息公开申请', '行政复议', '行政诉讼'],
  /** Where the figures come from. */
  source: '各机关公开发布的《政府信息公开工作年度报告》（每份报告的原文网址和原始文件见 reports.csv 的 sourceUrl、sha256 列）',
  license: {
    name: 'CC-BY-4.0',
    title: '知识共享 署名 4.0 国际（CC BY 4.0）：可自由使用，请注明来源',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
} as const;
