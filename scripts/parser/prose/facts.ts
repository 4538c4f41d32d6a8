// Figures the prose restates (总体情况: "收到政府信息公开申请75件", "行政复议案件2件", "现行有效…698件").
// They help choose cell boundaries in run-together text (solve.ts) and R13 compares them with the
// tables. Prose counts 上年结转 in or out as it likes, so "applications received" may be either sum.
import { cellPath } from '../../../model/cell-paths.ts';
import type { Fact } from '../solve/solve.ts';

interface Pattern {
  re: RegExp;
  alternatives: string[][];
  /** A fixed value for negative statements ("未收到…申请"). */
  value?: number;
}

const RECEIVED = [
  [cellPath('applications', 'received', 'total')],
  [cellPath('applications', 'received', 'total'), cellPath('applications', 'carriedOver', 'total')],
];
const REVIEW = [[cellPath('review', 'total')]];
const LITIGATION = [[cellPath('litigationDirect', 'total'), cellPath('litigationAfterReview', 'total')]];
const NORMATIVE = (column: string) => [[cellPath('proactive', 'normativeDocuments', column)]];
const N = String.raw`\s*(\d+)\s*(?:件|份|个|条|次|起|宗)`;
const GAP = String.raw`[^。；;，,\d]{0,12}?`;

const PATTERNS: Pattern[] = [
  { re: new RegExp(String.raw`(?:收到|受理|接收|新收)[^。；;\d]{0,16}?申请${GAP}${N}`, 'gu'), alternatives: RECEIVED },
  // "未收到…申请", but not "未发生…被申请行政复议".
  {
    re: /(?:未|没有|无)(?:收到|受理|接到)?[^。；;\d]{0,16}?(?:公开)?申请(?![^。；;]{0,4}\d|行政复议|复议|提起|行政诉讼)/gu,
    alternatives: [RECEIVED[0]],
    value: 0,
  },
  { re: new RegExp(String.raw`行政复议(?:案件|申请)?${N}`, 'gu'), alternatives: REVIEW },
  { re: new RegExp(String.raw`行政诉讼(?:案件)?${N}`, 'gu'), alternatives: LITIGATION },
  { re: /(?:未|没有)(?:发生|收到|出现)?[^。；;\d]{0,12}?行政复议/gu, alternatives: REVIEW, value: 0 },
  { re: new RegExp(String.raw`现行有效${GAP}规范性文件${N}`, 'gu'), alternatives: NORMATIVE('inForce') },
  { re: new RegExp(String.raw`(?:本年度?|今年)?(?:制发|印发|出台)${GAP}规范性文件${N}`, 'gu'), alternatives: NORMATIVE('issued') },
  { re: new RegExp(String.raw`废止${GAP}规范性文件${N}`, 'gu'), alternatives: NORMATIVE('repealed') },
  // The same figures listed after the noun: "本年制发规范性文件9件，废止7件，现行有效253件", "行政规范性文件：制发9件、…".
  // A count of published information items ("规范性文件类信息3条") names no cell: no figure may stand between.
  { re: new RegExp(String.raw`规范性文件[^。；;\d制印]{0,16}?(?:制发|印发)${N}`, 'gu'), alternatives: NORMATIVE('issued') },
  { re: new RegExp(String.raw`规范性文件[^。；;废]{0,16}?废止${N}`, 'gu'), alternatives: NORMATIVE('repealed') },
  { re: new RegExp(String.raw`规范性文件[^。；;现]{0,24}?现行有效${N}`, 'gu'), alternatives: NORMATIVE('inForce') },
];

/** `prose` must be folded (fold.ts) and hold no table text. */
export function proseFacts(prose: string): Fact[] {
  const facts: Fact[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(prose); m; m = p.re.exec(prose)) {
      const value = p.value ?? Number(m[1]);
      facts.push({ alternatives: p.alternatives, value, quote: m[0].replace(/\s+/g, '') });
    }
  }
  return facts;
}
