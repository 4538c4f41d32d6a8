// Pagefind segments Chinese into words, so a part of a name ("固军") may not match the word it sits in
// ("固军镇"). Pages index a name's own parts as extra words: each administrative unit and its stem.

const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '人民政府', '委员会', '办公室', '办事处', '街道', '地区', '省', '市', '州', '盟', '县', '旗', '区', '镇', '乡', '局', '厅', '委', '办', '处', '所', '站', '中心'];
const UNIT = new RegExp(`.+?(?:${SUFFIXES.join('|')})`, 'gu');

/** "万源市固军镇人民政府" → ["万源市", "万源", "固军镇", "固军", "人民政府"]. */
export function nameParts(name: string): string[] {
  const units = name.match(UNIT) ?? [];
  const parts = units.flatMap((unit) => {
    const stem = unit.slice(0, -SUFFIXES.find((s) => unit.endsWith(s))!.length);
    return stem.length >= 2 ? [unit, stem] : [unit];
  });
  return [...new Set(parts)];
}
