// One agency, one page: names an agency prints differently across years resolve to one identity with its
// region; names of different agencies never do. Expected regions are written from the names themselves.
import { describe, expect, test } from 'vitest';
import { identify, withIdentity } from '../../scripts/stage/agency-identity.ts';
import { applyAgencyInfo, readAgencies } from '../../scripts/stage/agencies-csv.ts';
import type { Report } from '../../model/report.ts';

describe('identify', () => {
  test('a county with and without its city prefix is one agency, placed in 江苏省淮安市洪泽区 at county level', () => {
    const short = identify('洪泽区人民政府');
    const long = identify('淮安市洪泽区人民政府');
    expect(long.agencyId).toBe(short.agencyId);
    expect(identify('江苏省淮安市洪泽区人民政府').agencyId).toBe(short.agencyId);
    expect(short).toMatchObject({ region: '江苏省淮安市洪泽区', level: 'county' });
  });

  test('人民政府/政府 and 街道办事处/街道 are the same agency', () => {
    expect(identify('淮安市洪泽区政府').agencyId).toBe(identify('洪泽区人民政府').agencyId);
    expect(identify('洪泽区高良涧街道办事处').agencyId).toBe(identify('淮安市洪泽区高良涧街道').agencyId);
  });

  test('a municipality is a province-level region; its districts are counties', () => {
    expect(identify('上海市人民政府')).toMatchObject({ region: '上海市', level: 'province' });
    expect(identify('上海市浦东新区人民政府')).toMatchObject({ region: '上海市浦东新区', level: 'county' });
    expect(identify('上海市教育委员会')).toMatchObject({ region: '上海市', level: null });
  });

  test('two 城关镇 in different counties stay two agencies, and neither is merged with a bare 城关镇', () => {
    const a = identify('陇西县城关镇人民政府');
    const b = identify('岷县城关镇人民政府');
    const bare = identify('城关镇人民政府');
    expect(new Set([a.agencyId, b.agencyId, bare.agencyId]).size).toBe(3);
    expect(a.region).toBe('甘肃省定西市陇西县');
    expect(bare.region).toBeNull();
  });

  test('a street named like a two-character district elsewhere (东区街道) is not placed there', () => {
    expect(identify('东区街道办事处').region).toBeNull();
    expect(identify('攀枝花市东区人民政府').region).toBe('四川省攀枝花市东区');
  });

  test('a district name found in several cities is not guessed: no region, not merged with any of them', () => {
    const short = identify('鼓楼区人民政府');
    expect(short.region).toBeNull();
    expect(short.agencyId).not.toBe(identify('南京市鼓楼区人民政府').agencyId);
    expect(short.agencyId).not.toBe(identify('福州市鼓楼区人民政府').agencyId);
    expect(identify('南京市鼓楼区人民政府').agencyId).not.toBe(identify('福州市鼓楼区人民政府').agencyId);
  });

  test('a region from agencies.csv settles an ambiguous name', () => {
    expect(identify('鼓楼区人民政府', '江苏省南京市鼓楼区').agencyId).toBe(identify('南京市鼓楼区人民政府').agencyId);
  });

  test('different departments of one county stay apart', () => {
    expect(identify('洪泽区教育局').agencyId).not.toBe(identify('洪泽区人民政府').agencyId);
    expect(identify('洪泽区教育局').agencyId).toBe(identify('淮安市洪泽区教育局').agencyId);
  });
});

const report = (agency: string, year: number) =>
  ({ agency, year, id: 'x-1', agencyId: 'x', region: null, level: 'other', parent: null, sourceUrl: null }) as unknown as Report;

describe('withIdentity and agencies.csv', () => {
  test('report ids follow the agency: 2023 and 2024 of 洪泽区 share one agency id', () => {
    const [a, b] = [withIdentity(report('洪泽区人民政府', 2023)), withIdentity(report('淮安市洪泽区人民政府', 2024))];
    expect(a.agencyId).toBe(b.agencyId);
    expect([a.id, b.id]).toEqual([`${a.agencyId}-2023`, `${a.agencyId}-2024`]);
  });

  test('an aliases column merges names the divisions cannot, and its region and source URL apply', () => {
    const { byName, problems } = readAgencies(
      'agency,region,level,source_url,aliases\n平潭综合实验区管理委员会,福建省平潭综合实验区,county,https://example.org/,平潭综合实验区政府；平潭实验区管委会\n',
    );
    expect(problems).toEqual([]);
    const [a, b] = [applyAgencyInfo(report('平潭综合实验区政府', 2019), byName), applyAgencyInfo(report('平潭综合实验区管理委员会', 2020), byName)];
    expect(a.agencyId).toBe(b.agencyId);
    expect(a).toMatchObject({ region: '福建省平潭综合实验区', level: 'county', sourceUrl: 'https://example.org/' });
  });
});

describe('identify: townships, zones and a place named without 政府 (rules of version 2)', () => {
  test('a township with and without its county-level city is one agency when its name is unique in China', () => {
    const short = identify('顿坊店乡人民政府');
    expect(short.agencyId).toBe(identify('卫辉市顿坊店乡人民政府').agencyId);
    expect(short.agencyId).toBe(identify('新乡市顿坊店乡政府').agencyId);
    expect(short.region).toBe('河南省新乡市卫辉市');
  });

  test('a township whose name is found in several counties is not placed by its name alone', () => {
    expect(identify('城关镇人民政府').region).toBeNull();
    expect(identify('城关镇人民政府').agencyId).not.toBe(identify('陇西县城关镇人民政府').agencyId);
  });

  test('a zone lies over the county its name starts with: every 平潭综合实验区 agency is in 福建省福州市平潭县', () => {
    for (const name of ['平潭综合实验区', '平潭综合实验区政府', '平潭综合实验区公安局', '福建省平潭综合实验区管委会办公室']) {
      expect(identify(name).region, name).toBe('福建省福州市平潭县');
    }
    // With and without 政府 it is one agency; its bureaus are others.
    expect(identify('平潭综合实验区').agencyId).toBe(identify('平潭综合实验区政府').agencyId);
    expect(identify('平潭综合实验区公安局').agencyId).not.toBe(identify('平潭综合实验区').agencyId);
  });

  test('a new area named after no division gets no region', () => {
    expect(identify('两江新区管理委员会').region).toBeNull();
  });

  test('a district named with and without 人民政府 is one agency', () => {
    expect(identify('淮安市洪泽区').agencyId).toBe(identify('洪泽区人民政府').agencyId);
  });

  test('the first rules gave the zone no place: its old id is kept for the redirect, and differs', () => {
    expect(identify('平潭综合实验区', undefined, { version: 1 }).region).toBeNull();
    expect(identify('平潭综合实验区', undefined, { version: 1 }).agencyId).not.toBe(identify('平潭综合实验区').agencyId);
    // A county government's id did not change.
    expect(identify('洪泽区人民政府', undefined, { version: 1 }).agencyId).toBe(identify('洪泽区人民政府').agencyId);
  });

  test('agencies.csv wins over a place the name contradicts', () => {
    expect(identify('顿坊店乡人民政府', '河北省石家庄市长安区').region).toBe('河北省石家庄市长安区');
  });
});
