// What the search index holds of a report's text, and how a query is asked of it. Pagefind cuts Chinese
// into words, at index time and again at query time, and matches whole words only, so a query that
// begins or ends inside a word the indexer kept whole (行政复议 in 行政复议机关, where 复议机 … was cut
// 复|议机|关) was not found. So the index does not hold Pagefind's words: it holds, for each character
// of the text, a word made of that character and the next one (its last character alone), and an exact
// phrase of those words is the query's characters in order: any substring is found. The words are
// written in ASCII (each character as three or five base-36 digits), which neither Pagefind's segmenter
// nor the browser's cuts again. The text is taken as the search page compares it (search-query.ts):
// lower case, white space left out. This module runs in the browser too: it imports nothing.

/** Below this code point a character is three base-36 digits whose first is 0–y; from it, z and four digits. */
const SHORT = 34 * 36 * 36 + 36 * 36;

/** One character as the index writes it. */
export function charCode(char: string): string {
  const cp = char.codePointAt(0)!;
  return cp < SHORT ? cp.toString(36).padStart(3, '0') : `z${cp.toString(36).padStart(4, '0')}`;
}

/** The characters of a text as the index and the search page compare them: lower case, no white space. */
export const comparable = (text: string): string[] => [...text.toLowerCase().replace(/\s+/gu, '')];

/**
 * The words the index holds for a page's text, given as blocks (title, paragraphs): one per character,
 * its code and the next character's code, or its code alone for the last character of a block, so that
 * no query is found across two blocks. Separated by spaces, as Pagefind reads words.
 */
export function indexWords(blocks: string[]): string {
  const words: string[] = [];
  for (const block of blocks) {
    const codes = comparable(block).map(charCode);
    codes.forEach((code, i) => words.push(code + (codes[i + 1] ?? '')));
  }
  return words.join(' ');
}

/** The blocks of text back from the index's words (Pagefind's `content` of a page): each word's first character. */
export function blocksOf(words: string): string[] {
  const blocks: string[] = [];
  let block = '';
  for (const word of words.split(/\s+/u)) {
    if (!word) continue;
    const long = word.startsWith('z');
    const first = long ? word.slice(1, 5) : word.slice(0, 3);
    block += String.fromCodePoint(parseInt(first, 36));
    // A word of one code ends its block.
    if (word.length === (long ? 5 : 3)) {
      blocks.push(block);
      block = '';
    }
  }
  if (block) blocks.push(block);
  return blocks;
}

/**
 * How to ask the index for a phrase: two or more characters are an exact phrase of the words for each
 * character and the next (`"行政 政复 复议"` for 行政复议, in codes); one character is every word that
 * begins with its code (Pagefind's ordinary search matches a word's beginning). Null for no character.
 */
export function phraseQuery(phrase: string): { exact: boolean; query: string } | null {
  const codes = comparable(phrase).map(charCode);
  if (codes.length === 0) return null;
  if (codes.length === 1) return { exact: false, query: codes[0]! };
  return {
    exact: true,
    query: `"${codes
      .slice(0, -1)
      .map((c, i) => c + codes[i + 1])
      .join(' ')}"`,
  };
}

/**
 * The ordinary query for the related results: pages that hold every two characters that follow each other
 * in a phrase, anywhere (every character, for a phrase of two): 政府, 府信, 信息 … for 政府信息公开. Pairs,
 * not characters, for the longer phrases: a common character (政, 公) is in a page hundreds of times, and
 * its words alone would be most of a part's index.
 */
export function relatedQuery(phrases: string[]): string {
  const words = phrases.flatMap((p) => {
    const codes = comparable(p).map(charCode);
    return codes.length > 2 ? codes.slice(0, -1).map((c, i) => c + codes[i + 1]) : codes;
  });
  return [...new Set(words)].join(' ');
}
