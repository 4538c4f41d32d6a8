// Text from reports and agencies.csv where it becomes an address, a path or XML: a source link that
// cannot lie, a region that cannot leave its folder, a feed that stays well-formed.
import { describe, expect, test } from 'vitest';
import { checkSourceUrl, hostOf } from '../../model/source-url.ts';
import { regionSlug } from '../../src/render/region-slug.ts';
import { xmlText } from '../../src/render/xml-text.ts';

describe('checkSourceUrl', () => {
  test('refuses user info, hidden characters in the host, and addresses over 2,048 characters', () => {
    const refused = (url: string) => ('refused' in checkSourceUrl(url) ? (checkSourceUrl(url) as { refused: string }).refused : 'accepted');
    expect(refused('http://www.gov.cn:443@evil.example/')).toMatch(/^user information before its host \(it leads to evil\.example/);
    expect(refused('http://www.gov.cn@evil.example/')).toMatch(/^user information/);
    expect(refused('http://www.gov.cn\u202e.evil.example/')).toBe('control or text-direction characters in its host');
    expect(refused('http://www.gov\u0001.cn/')).toBe('control or text-direction characters in its host');
    expect(refused(`https://www.gov.cn/${'a'.repeat(2030)}`)).toBe('longer than 2048 characters (2049)');
    expect(refused('javascript:alert(1)')).toBe('not an http(s) address');
    expect(refused('https://www.gov.cn/zwgk/\u202egnp.exe')).toBe('accepted');
  });

  test('stores the address as the URL parser writes it, and shows its host plainly', () => {
    expect(checkSourceUrl(' https://www.gov.cn/zwgk/\u202egnp.exe ')).toEqual({ url: 'https://www.gov.cn/zwgk/%E2%80%AEgnp.exe' });
    expect(hostOf('https://例子.中国:8443/报告')).toBe('xn--fsqu00a.xn--fiqs8s:8443');
  });
});

describe('regionSlug', () => {
  test('keeps a plain region as it is, so its feed address reads as the region', () => {
    expect(regionSlug('江苏省淮安市洪泽区')).toBe('江苏省淮安市洪泽区');
  });

  test('gives any other region letters and digits only, with a hash that keeps two regions apart', () => {
    for (const region of ['../../etc', '%2e%2e', '四川省\n达州市', '长'.repeat(100), '.', '/']) {
      const slug = regionSlug(region);
      expect(slug, JSON.stringify(region)).toMatch(/^[\p{L}\p{N}-]{1,33}$/u);
      expect(slug).not.toBe('..');
    }
    expect(regionSlug('四川省 达州市')).not.toBe(regionSlug('四川省-达州市'));
  });
});

describe('xmlText', () => {
  test('drops the characters XML 1.0 forbids and keeps everything a reader sees', () => {
    expect(xmlText('青山\u0001乡\u0008人民\u001b政府\ufffe\uffff\ud800')).toBe('青山乡人民政府');
    expect(xmlText('a\tb\nc\r 𠀀 & <')).toBe('a\tb\nc\r 𠀀 & <');
  });
});
