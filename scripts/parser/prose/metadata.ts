// Who and when: the report's title, the agency's fullest name as the report gives it (title, body,
// signature: "2020年度固军镇…" is signed "万源市固军镇人民政府"), the year covered, the publication
// date (also in Chinese numerals) and the agency's level inferred from its name.
import type { Level } from '../../../model/report.ts';
import { safeSourceUrl } from '../../../model/source-url.ts';
import { fold } from '../read/fold.ts';
import { URL_FIELDS } from '../read/text-document.ts';

const TITLE_TAIL = /(?:政府)?(?:信息公开|政务公开|政务信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)?$|(?:年度)?(?:工作)?(?:报告|年报)$/u;
const ORG_END =
  /(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|委|办|中心|院|署|所|队|站|社|会|处|街道办事处|街道|乡|镇|县|区|市|州|盟|旗|省|自治区)$/u;

/**
 * The title: among the first lines, one naming a 信息公开 report with its year, joined with the line
 * before or after when it is split ("洪泽区人民政府 / 2023年…报告", "…信息公开 / 工 作 报 告").
 */
export function findTitle(prose: string, pageTitle?: string): string | null {
  // A page printed from a browser repeats its <title> after the time printed ("11/30/26, 8:51 AM
  // …年度报告_云岭县人民政府"): the time and the site's name go.
  const lines = prose
    .split('\n')
    .map((l) =>
      fold(l)
        .replace(/^\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?/iu, '')
        .replace(/\s+/g, '')
        .replace(/(?<=(?:报告|年报))[_|].*$/u, ''),
    )
    .filter(Boolean)
    .slice(0, 30);
  const fragment = (s: string | undefined) => !!s && s.length <= 30 && !/[。，,；;：:]/u.test(s) && !/^[一二三四五六七八九十\d]+[、.]/u.test(s);
  for (const [i, line] of lines.entries()) {
    // A sentence ("本报告由…编制。") is not a title.
    if (line.length > 60 || !/(?:报告|年报|信息公开)/u.test(line) || /[。；;，,]/u.test(line)) continue;
    // Only a name goes before: "洪泽区人民政府 / 2023年…报告", never a menu line.
    const before =
      fragment(lines[i - 1]) && /^[\p{Script=Han}（）()]+$/u.test(lines[i - 1]) && ORG_END.test(lines[i - 1]) && !line.includes(lines[i - 1])
        ? lines[i - 1]
        : '';
    // After: the rest of a split title, or its year on a line of its own ("（2019年度）").
    const next = lines[i + 1];
    const after =
      (!/(?:报告|年报)$/u.test(line) && fragment(next) && /(?:报告|年报)$/u.test(line + next)) || /^[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）]$/u.test(next ?? '')
        ? next
        : '';
    // A PDF may set the year's digits apart from the rest of the title ("2021" / "年安徽省…报告").
    const year = /^年/u.test(line) ? lines.slice(Math.max(0, i - 2), i + 3).find((l) => /^(?:19|20)\d{2}$/.test(l)) : undefined;
    const title = before + (year ?? '') + line + after;
    if (/(?:19|20)\d{2}年/.test(title)) return title;
  }
  // A page's <title> longer than any report's title is not one (the lines above are held to 60 characters).
  const fromPage = pageTitle
    ? fold(pageTitle)
        .replace(/\s+/g, '')
        .split(/[_|－—-]/u)[0]
    : '';
  return fromPage && fromPage.length <= 100 ? fromPage : null;
}

/** The year the statistics cover: the title's, else the stated statistical period's. */
export function findYear(title: string | null, text: string): number | null {
  const fromTitle = title && /((?:19|20)\d{2})\s*年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const period = /统计期限[^。]{0,8}?((?:19|20)\d{2})\s*年/.exec(fold(text)) ?? /((?:19|20)\d{2})\s*年度?(?:政府信息公开|，|,)/.exec(fold(text));
  return period ? Number(period[1]) : null;
}

/** The name in the title, without its year and the "政府信息公开工作年度报告" tail. */
export function titleAgency(title: string): string {
  let name = title
    .replace(/\s+/g, '')
    .replace(/[（(][^（(）)]*[）)]/gu, '')
    .replace(/《|》/gu, '');
  // "乡宁县2020年政府办公室信息公开工作报告": the year may sit inside the name.
  name = name.replace(/(?:19|20)\d{2}年度?/u, '');
  for (let prev = ''; prev !== name;) {
    prev = name;
    name = name.replace(TITLE_TAIL, '');
  }
  return name.replace(/关于$/u, '').replace(/^[的：:、]+|(?<![的：:、])[的：:、]+$/gu, '');
}

/** A name without the parts the same agency is named with or without (人民政府/政府, 办事处). */
const bare = (s: string) => s.replace(/人民政府/g, '政府').replace(/(?:政府|办事处)$/, '');

const PLACE_END = /(?:省|自治区|市|州|盟|地区|县|区|旗|乡|镇|街道)$/u;

/**
 * The fullest name the report gives for the agency named `core`: the same agency with its place
 * prefixed ("固军镇" signed "万源市固军镇人民政府") or 人民政府 added, from the signature, a "现将XX…"
 * statement, a document it issued (《XX关于…》) or the body.
 */
export function fullestAgency(core: string, text: string, signature: string | null): string {
  const candidates = [core];
  if (signature) candidates.push(signature);
  // Line ends too: a PDF wraps "…实验区政府 / 信息公开…", and that 政府 belongs to 政府信息公开, not to the name.
  const folded = fold(text).replace(/\s+/g, '');
  for (const m of folded.matchAll(/(?:现将|特向社会公布|本报告由)(?:\d{4}年度?)?([\p{Script=Han}]{2,30}?)(?:\d{4}年|政府信息公开|信息公开|根据|编制)/gu))
    candidates.push(m[1]);
  for (const m of folded.matchAll(/《([\p{Script=Han}]{2,30}?)关于/gu)) candidates.push(m[1]);
  if (PLACE_END.test(core)) {
    const own = new RegExp(`${escape(core)}(?:人民政府|政府|办事处)(?!信息|网站|门户|工作|公开)`, 'u').exec(folded);
    if (own) candidates.push(own[0]);
  }
  const key = bare(core);
  const fits = candidates.filter((c) => {
    const b = bare(c);
    const prefix = b.slice(0, b.length - key.length);
    return b.endsWith(key) && (prefix === '' || PLACE_END.test(prefix)) && c.length <= 40;
  });
  return fits.sort((a, b) => b.length - a.length)[0] ?? core;
}

const NUMERAL: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const chineseNumber = (s: string): number =>
  s.includes('十') ? (s.startsWith('十') ? 1 : NUMERAL[s[0]]) * 10 + (s.endsWith('十') ? 0 : NUMERAL[s.at(-1)!]) : NUMERAL[s];

export interface DateFound {
  date: string;
  index: number;
  end: number;
}

/** Every printed date "2021年1月19日" / "二〇二一年一月十九日" in `text`, in order. */
export function dates(text: string): DateFound[] {
  const found: DateFound[] = [];
  const folded = fold(text);
  for (const m of folded.matchAll(/((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu)) found.push(toDate(+m[1], +m[2], +m[3], m));
  for (const m of folded.matchAll(/([〇零O一二三四五六七八九]{4})\s*年\s*([十一二三四五六七八九]{1,2})\s*月\s*([十一二三四五六七八九]{1,3})\s*日/gu)) {
    const year = Number([...m[1]].map((c) => NUMERAL[c]).join(''));
    found.push(toDate(year, chineseNumber(m[2]), chineseNumber(m[3]), m));
  }
  return found.filter((d) => d.date).sort((a, b) => a.index - b.index);
}

function toDate(y: number, m: number, d: number, match: RegExpMatchArray): DateFound {
  const ok = m >= 1 && m <= 12 && d >= 1 && d <= 31;
  return { date: ok ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : '', index: match.index!, end: match.index! + match[0].length };
}

/**
 * The signature: the agency's name printed just before a date near the end of the report. Dates
 * in the prose ("截至2021年12月31日") are not signatures.
 */
export function signature(text: string): { name: string | null; date: string | null } {
  const tail = tailStart(text, 400);
  const last = dates(text).filter((x) => x.index >= tail);
  for (const d of last) {
    // pdftotext -layout right-aligns the signature: the name may stand far to the left of the date.
    const before = fold(text.slice(Math.max(0, d.index - 200), d.index))
      .replace(/\s+/g, ' ')
      .trimEnd();
    const m = /(?:^|[\s。；;:：])([\p{Script=Han}()（）]{3,40})$/u.exec(before);
    if (m && ORG_END.test(m[1])) return { name: m[1], date: d.date };
  }
  // A date alone on one of the last lines (a Word document's last paragraph) is the date it was signed.
  const own = last.findLast((d) => !lineAround(text, d, false).trim() && !lineAround(text, d, true).trim());
  return { name: null, date: own?.date ?? null };
}

/** The text on the date's line before it (`after` false) or after it (`after` true). */
function lineAround(text: string, d: DateFound, after: boolean): string {
  return after ? text.slice(d.end, (text.indexOf('\n', d.end) + 1 || text.length + 1) - 1) : text.slice(text.lastIndexOf('\n', d.index - 1) + 1, d.index);
}

/** Where the last `chars` characters other than blanks begin (pdftotext pads lines with spaces). */
function tailStart(text: string, chars: number): number {
  let seen = 0;
  for (let i = text.length - 1; i >= 0; i--) if (!/\s/.test(text[i]) && ++seen >= chars) return i;
  return 0;
}

/** The publication date read from a page's own date line ("发布时间: 2020-01-17 08:18"). */
export function pageDate(text: string | undefined): string | null {
  if (!text) return null;
  const m = /((?:19|20)\d{2})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})/.exec(fold(text));
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/**
 * Where the report was published, as the file says: the page's own canonical link or crawler header,
 * else a "原文链接: https://…" line in the text. Only http(s) URLs that cannot mislead a reader count
 * (model/source-url.ts: no user info, no hidden characters in the host, at most 2,048 characters).
 */
export function sourceUrl(pageUrl: string | undefined, prose: string): string | null {
  const inText = new RegExp(`(?:^|\\n)[^\\S\\n]*(?:${URL_FIELDS})\\s*[:：]\\s*(https?://[^\\s<>"'，。；）)]+)`, 'iu').exec(prose)?.[1];
  return safeSourceUrl(pageUrl) ?? safeSourceUrl(inText);
}

/** The level of government, from the name's ending (agencies.csv can override it). */
export function levelOf(name: string): Level {
  const n = name.replace(/\s+/g, '');
  if (/(?:局|厅|委员会|委|办公室|办公厅|中心|院|署|所|队|站|处|管理处)$/u.test(n) && !/街道办事处$/u.test(n)) return 'department';
  const place = n.replace(/(?:人民政府|政府)$/u, '');
  if (/(?:乡|镇|街道|街道办事处|苏木)$/u.test(place)) return 'township';
  if (/(?:县|区|旗|县级市)$/u.test(place)) return 'county';
  if (/(?:省|自治区)$/u.test(place) || /^(?:北京|天津|上海|重庆)市$/u.test(place)) return 'province';
  if (/(?:市|州|盟|地区)$/u.test(place)) return 'city';
  return 'other';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
