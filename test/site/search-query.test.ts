// What a search asks and what answers it, apart from the page: phrases as typed, the substring test a
// result must pass, the state in the URL.
import { describe, expect, test } from 'vitest';
import { containsAll, excerpt, paramsFromState, phrases, stateFromParams } from '../../src/search/search-query.ts';

describe('phrases and containsAll', () => {
  test('a query is kept whole, never cut into characters; spaces and quotation marks separate phrases', () => {
    expect(phrases('上海')).toEqual(['上海']);
    expect(phrases(' 固军  “行政强制” ')).toEqual(['固军', '行政强制']);
  });

  test('上海 is not found in text that only has 上 and 海 apart', () => {
    expect(containsAll(['在政府网站上公开，上年结转申请已办结，沿海地区'], ['上海'])).toBe(false);
    expect(containsAll(['组织业务骨干赴上海学习'], ['上海'])).toBe(true);
    expect(containsAll(['进一步巩固了成果，将军楼社区'], ['固军'])).toBe(false);
  });

  test('white space the page puts between elements does not break a phrase', () => {
    expect(containsAll(['万源市固军\n镇人民政府'], ['固军镇'])).toBe(true);
    expect(containsAll(['固军镇 行政强制'], ['固军', '行政强制'])).toBe(true);
    expect(containsAll(['固军镇'], ['固军', '行政强制'])).toBe(false);
  });

  test('a phrase is held within one block: the end of one paragraph and the start of the next are not it', () => {
    expect(containsAll(['依法申请行政', '复议一件'], ['行政复议'])).toBe(false);
    expect(containsAll(['依法申请行政复议', '一件'], ['行政复议'])).toBe(true);
  });
});

describe('excerpt', () => {
  const blocks = ['某县人民政府2023年政府信息公开工作年度报告', '一、总体情况。本机关全年共办理行政复议案件3件，均依法办结。', '二、行政复议机关的意见。'];
  const text = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  test('quotes the first paragraph that holds a phrase, from a little before it, the phrase marked wherever it is', () => {
    // 行政复议 is the 16th character: the excerpt starts at the block's start and runs 20 characters.
    expect(text(excerpt(blocks, ['行政复议'], 20))).toBe('一、总体情况。本机关全年共办理[行政复议]案…');
    // At character 31 of 36, in 30 characters: from 20 before it, but no further than 30 from the end (6).
    expect(text(excerpt(['标题', '0123456789012345678901234567890行政复议。'], ['行政复议'], 30))).toBe('…6789012345678901234567890[行政复议]。');
    expect(text(excerpt(blocks, ['复议', '行政复议'], 80))).toBe('一、总体情况。本机关全年共办理[行政复议]案件3件，均依法办结。');
  });

  test('without a phrase in the text, the beginning of the first paragraph', () => {
    expect(text(excerpt(blocks, [], 10))).toBe('一、总体情况。本机关…');
  });
});

describe('search state in the URL', () => {
  const names = ['年度', '层级'];
  test('round-trips query, filters, sort, page and parts searched, leaving defaults out', () => {
    const params = new URLSearchParams('q=固军&年度=2020&sort=relevance&page=3&parts=2&unknown=x');
    const state = stateFromParams(params, names);
    expect(state).toEqual({ q: '固军', filters: { 年度: '2020' }, sort: 'relevance', page: 3, parts: 2 });
    expect(paramsFromState(state).toString()).toBe(new URLSearchParams('q=固军&年度=2020&sort=relevance&page=3&parts=2').toString());
    expect(paramsFromState(stateFromParams(new URLSearchParams('q=x&page=0&sort=nonsense'), names)).toString()).toBe('q=x');
  });
});
