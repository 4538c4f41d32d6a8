// What a compare link shows, in words, for the page's title and description: the compare page is one
// static page with the choice in the query string, so its script sets them once the choice is read.
// Link previews do not run scripts and show the page's generic text (README, "Follow").

/** At most this many agency names; more are counted. */
const NAMED = 3;

const SITE = '政府信息公开年报库';

/** "A、B、C等5个机关" */
const agencyList = (names: string[]) => (names.length <= NAMED ? names.join('、') : `${names.slice(0, NAMED).join('、')}等${names.length}个机关`);

/** "2020年", "2020—2022年" (consecutive), "2019、2021年" */
function yearList(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return sorted.length > 2 && consecutive ? `${sorted[0]}—${sorted.at(-1)}年` : `${sorted.join('、')}年`;
}

/** The document title and meta description of a comparison of these agencies' reports in these years. */
export function compareTitle(agencies: string[], years: number[]): { title: string; description: string } {
  const who = agencyList([...new Set(agencies)]);
  const when = yearList(years);
  return {
    title: `对比：${who}（${when}） · ${SITE}`,
    description: `并排比较${who}${when}的政府信息公开申请数量、办理结果、行政复议和行政诉讼。`,
  };
}
