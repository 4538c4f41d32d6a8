// Deadlines of 《政府信息公开条例》第四十九条: departments by 31 January, county-level-and-above
// governments by 31 March of the following year. Expected days counted on a calendar by hand.
import { describe, expect, test } from 'vitest';
import { missingYears, timeliness, timelinessText } from '../../model/timeliness.ts';

describe('timeliness', () => {
  test('a department publishing on 31 January is on time, on 1 February one day late', () => {
    expect(timeliness({ level: 'department', year: 2020, published: '2021-01-31' })).toEqual({
      status: 'on-time',
      published: '2021-01-31',
      deadline: '2021-01-31',
      days: 0,
    });
    expect(timeliness({ level: 'department', year: 2020, published: '2021-02-01' })).toMatchObject({ status: 'late', days: 1 });
  });

  test('a department’s 31 March is 60 days late in a leap year and 59 in another', () => {
    expect(timeliness({ level: 'department', year: 2023, published: '2024-03-31' })).toMatchObject({ status: 'late', deadline: '2024-01-31', days: 60 });
    expect(timeliness({ level: 'department', year: 2022, published: '2023-03-31' })).toMatchObject({ status: 'late', deadline: '2023-01-31', days: 59 });
  });

  test('a government (county, city, province) has until 31 March', () => {
    expect(timeliness({ level: 'county', year: 2020, published: '2021-03-31' })).toMatchObject({ status: 'on-time', deadline: '2021-03-31', days: 0 });
    expect(timeliness({ level: 'county', year: 2020, published: '2021-01-15' })).toMatchObject({ status: 'on-time', days: 75 });
    expect(timeliness({ level: 'city', year: 2019, published: '2020-04-01' })).toMatchObject({ status: 'late', days: 1 });
    expect(timeliness({ level: 'province', year: 2023, published: '2024-02-29' })).toMatchObject({ status: 'on-time', days: 31 });
  });

  test('without a printed date there is no verdict, only the deadline', () => {
    const t = timeliness({ level: 'city', year: 2021, published: null });
    expect(t).toEqual({ status: 'no-date', deadline: '2022-03-31' });
    expect(timelinessText(t)).toBe('报告未注明发布日期，无法判断（期限 2022-03-31）');
  });

  test('townships and agencies of unknown level get no verdict, dated or not', () => {
    expect(timeliness({ level: 'township', year: 2020, published: '2021-06-30' })).toEqual({
      status: 'no-deadline',
      published: '2021-06-30',
      level: 'township',
    });
    expect(timeliness({ level: 'other', year: 2020, published: null })).toMatchObject({ status: 'no-deadline' });
  });

  test('the text says late by how many days, and against which deadline', () => {
    expect(timelinessText(timeliness({ level: 'department', year: 2021, published: '2022-02-03' }))).toBe('逾期 3 天（2022-02-03，期限 2022-01-31）');
  });
});

describe('missingYears', () => {
  test('lists the years without a report from the first one to the newest year of the corpus', () => {
    expect(missingYears([2019, 2021], 2023)).toEqual([2020, 2022, 2023]);
    expect(missingYears([2022], 2022)).toEqual([]);
    expect(missingYears([], 2022)).toEqual([]);
  });
});
