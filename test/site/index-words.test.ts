// The words the search index holds for a text, and the queries that find any substring of it: the codes
// are worked out by hand from the characters' code points (base 36).
import { describe, expect, test } from 'vitest';
import { blocksOf, charCode, indexWords, phraseQuery, relatedQuery } from '../../src/search/index-words.ts';

describe('charCode', () => {
  test('three base-36 digits below U+B130, z and four digits from there', () => {
    // 行 U+884C = 34892 = 26·36² + 33·36 + 8 → q x 8; 政 U+653F = 25919 = 19·36² + 35·36 + 35 → j z z.
    expect(charCode('行')).toBe('qx8');
    expect(charCode('政')).toBe('jzz');
    // a = 97 = 2·36 + 25 → 02p.
    expect(charCode('a')).toBe('02p');
    // ， U+FF0C = 65292 = 1·36³ + 14·36² + 13·36 + 24 → z 1 e d o; 𠙶 U+20676 = 132726 → z 2 u e u.
    expect(charCode('，')).toBe('z1edo');
    expect(charCode('𠙶')).toBe('z2ueu');
  });
});

describe('indexWords and blocksOf', () => {
  test('a word per character, its code and the next one’s; the last of a block alone; white space and case left out', () => {
    expect(indexWords(['行 政A', '，'])).toBe('qx8jzz jzz02p 02p z1edo');
  });

  test('the text comes back from the words, block by block, as the index compares it', () => {
    expect(blocksOf(indexWords(['行 政A', '，', '𠙶行']))).toEqual(['行政a', '，', '𠙶行']);
    expect(blocksOf('')).toEqual([]);
  });
});

describe('phraseQuery', () => {
  test('two characters or more: the exact phrase of each character with the next', () => {
    expect(phraseQuery('行政')).toEqual({ exact: true, query: '"qx8jzz"' });
    expect(phraseQuery('行 政a')).toEqual({ exact: true, query: '"qx8jzz jzz02p"' });
  });

  test('one character: every word that begins with its code', () => {
    expect(phraseQuery('政')).toEqual({ exact: false, query: 'jzz' });
    expect(phraseQuery(' ')).toBeNull();
  });

  test('the query for 行政复议 is the words the index holds for 行政复议机关 at the same place, in order', () => {
    const words = indexWords(['申请行政复议机关复议']).split(' ');
    const query = phraseQuery('行政复议')!.query.replace(/"/g, '').split(' ');
    const at = words.indexOf(query[0]!);
    expect(at).toBe(2);
    expect(words.slice(at, at + query.length)).toEqual(query);
  });

  test('the related results ask for every two characters in a row of a longer phrase, every character of a short one, each once', () => {
    // 行政复议: 行政 政复 复议 (复 U+590D = 22797 → hl9, 议 U+8BAE = 35758 → rla).
    expect(relatedQuery(['行政复议'])).toBe('qx8jzz jzzhl9 hl9rla');
    expect(relatedQuery(['行政', '政'])).toBe('qx8 jzz');
  });
});
