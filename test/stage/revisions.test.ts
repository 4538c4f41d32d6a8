// Which figures a revision changed: every cell whose value or state differs between the two versions,
// with a printed blank, a cell nianbao could not tell and a cell the version's tables lack kept apart.
import { describe, expect, test } from 'vitest';
import { cellChanges } from '../../model/revisions.ts';
import type { Report } from '../../model/report.ts';

/** A report with only the parts cellChanges reads: table 四's 行政复议 block, one 表二 cell, and `unknown`. */
const version = (review: Record<string, number | null>, unknown: Record<string, string> = {}, proactive: Report['proactive'] = {}) =>
  ({
    review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, ...review },
    litigationDirect: {},
    litigationAfterReview: {},
    applications: {},
    proactive,
    unknown,
  }) as unknown as Report;

describe('cellChanges', () => {
  test('lists a changed number, a number that became a blank, and a blank that became a cell nianbao cannot tell', () => {
    const before = version({ upheld: 2, corrected: 1, other: null });
    const after = version({ upheld: 3, corrected: null, other: null }, { 'review.other': 'ambiguous' });
    expect(cellChanges(before, after)).toEqual([
      { key: 'review.upheld', before: { state: 'number', value: 2 }, after: { state: 'number', value: 3 } },
      { key: 'review.corrected', before: { state: 'number', value: 1 }, after: { state: 'blank' } },
      { key: 'review.other', before: { state: 'blank' }, after: { state: 'unknown', reason: 'ambiguous' } },
    ]);
  });

  test('lists nothing when only the text changed, and a cell only one version’s table has as absent in the other', () => {
    expect(cellChanges(version({ total: 5 }), version({ total: 5 }))).toEqual([]);
    const after = version({}, {}, { fees: { amount: 1.5 } });
    expect(cellChanges(version({}), after)).toEqual([{ key: 'proactive.fees.amount', before: { state: 'absent' }, after: { state: 'number', value: 1.5 } }]);
  });
});
