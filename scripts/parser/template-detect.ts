// Which national template a report follows, read from its table labels (report-format.md §3.3),
// never from its year: 2020 reports on the 2021 form and the reverse both exist.
import type { TemplateId } from '../../model/templates.ts';
import { findFragment } from './anchors.ts';

const PROACTIVE_SIGNS: Record<TemplateId, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额', '政府集中采购'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};
const APPLICATION_SIGNS_2021 = ['逾期不补正', '未按收费通知'];
const APPLICATION_SIGNS_ANY = ['本年新收政府信息公开申请', '上年结转政府信息公开申请', '结转下年度继续办理', '结转下一年度继续办理'];

export interface Detected {
  /** Table 二's template (null when no table 二 labels were found). */
  proactive: TemplateId | null;
  /** Table 三's template (null when no table 三 labels were found). */
  applications: TemplateId | null;
}

const count = (text: string, signs: string[]) => signs.filter((s) => findFragment(text, [s], 0)).length;

export function detectTemplates(text: string): Detected {
  const p2019 = count(text, PROACTIVE_SIGNS['2019']);
  const p2021 = count(text, PROACTIVE_SIGNS['2021']);
  const hasApplications = count(text, APPLICATION_SIGNS_ANY) > 0;
  return {
    proactive: p2019 === 0 && p2021 === 0 ? null : p2021 > p2019 ? '2021' : '2019',
    applications: !hasApplications ? null : count(text, APPLICATION_SIGNS_2021) > 0 ? '2021' : '2019',
  };
}
