// Every code nianbao emits, as a reader sees it: typed here by hand, so a code added, renamed or given another
// name or weight in model/diagnostics.ts alone fails this test, and so does a reason the data dictionary
// does not list. A code nobody named is a type error where it is made and a clear error where it is read.
import { describe, expect, test } from 'vitest';
import { CODES, codeLabel, diagnostic, UNKNOWN_REASONS, type Code } from '../../model/diagnostics.ts';
import { noteStatus } from '../../model/notes.ts';
import { warning, type Warning } from '../../model/report.ts';
import { COLUMNS } from '../../scripts/stage/columns.ts';

/** Code → what the quality list, the report page and the about page call it, and how it marks the numbers it names. */
const AS_READ: Record<Code, [label: string, status: string]> = {
  R1: ['R1 勾稽关系', 'check'],
  R2: ['R2 办理结果合计', 'check'],
  R3: ['R3 申请人合计', 'check'],
  R4: ['R4 复议诉讼合计', 'check'],
  R5: ['R5 取值范围', 'check'],
  R8: ['R8 跨年结转', 'warning'],
  R13: ['R13 正文与表格', 'warning'],
  'table/ambiguous-cells': ['数字拆分不唯一', 'unknown'],
  'table/missing-cells': ['该行数字不全', 'unknown'],
  'table/rows-not-found': ['未找到表格行', 'unknown'],
  'table/inferred-boundaries': ['单元格边界为推断', 'note'],
  'table/unreadable-row': ['无法识别的文字', 'unknown'],
  'table/over-budget': ['拆分方式过多', 'unknown'],
  'table/not-safe-integer': ['数字过大', 'unknown'],
  'table/columns-split': ['表格版面丢失', 'unknown'],
  'table/figures-before-labels': ['表格版面丢失', 'unknown'],
  'pdf/garbled-text': ['PDF 字体无字符映射', 'unknown'],
  'table/none': ['没有统计表', 'unknown'],
  'template/mixed': ['两表格式不同', 'note'],
  'meta/implausible-date': ['发布日期存疑', 'note'],
};

/** The reason a cell it names is given, and what such a cell reads on the page. */
const REASONS: Record<string, [warning: string, cellReads: string]> = {
  ambiguous: ['table/ambiguous-cells', '无法确定'],
  'missing-position': ['table/missing-cells', '无法确定'],
  'layout-lost': ['table/columns-split', '无法确定'],
  unreadable: ['table/unreadable-row', '无法识别'],
  garbled: ['pdf/garbled-text', '无法识别'],
  'row-not-found': ['table/rows-not-found', '未找到该行'],
  'table-not-found': ['table/none', '未找到该表'],
  'over-budget': ['table/over-budget', '无法确定'],
  'not-safe-integer': ['table/not-safe-integer', '无法识别'],
};

describe('model/diagnostics', () => {
  test('names every code the project emits as readers see it, and grades it', () => {
    expect(CODES).toEqual(Object.keys(AS_READ));
    for (const code of CODES) {
      const [label, status] = AS_READ[code];
      expect(codeLabel(code), code).toBe(label);
      // A warning with this code on the quality list: ⚠ 疑点, ？ 无法确定 or a quiet note; a check's rule is never a warning.
      const d = diagnostic(code);
      expect(d.severity === 'check' ? 'check' : noteStatus({ result: 'warning', rule: code }), code).toBe(status);
      expect(d.meaning.length, code).toBeGreaterThan(10);
    }
  });

  test('every reason a cell cannot be told, the warning that gives it, and the data dictionary lists them all', () => {
    expect(Object.keys(UNKNOWN_REASONS).sort()).toEqual(Object.keys(REASONS).sort());
    const dictionary = COLUMNS.find((c) => c.key === 'unknown')!.meaning;
    for (const [reason, [code, reads]] of Object.entries(REASONS)) {
      expect(diagnostic(code).reason, code).toBe(reason);
      expect(UNKNOWN_REASONS[reason as keyof typeof UNKNOWN_REASONS].label, reason).toBe(reads);
      expect(dictionary, reason).toContain(`${reason} `);
    }
    expect(dictionary).toContain('layout-lost 版面丢失');
    expect(dictionary).toContain('garbled 字体无字符映射');
  });

  test('a code nobody named is a type error where it is made and a clear error where it is read, never 其他提示', () => {
    // @ts-expect-error: 'table/typo' is named nowhere in model/diagnostics.ts
    const typo: Warning = { code: 'table/typo', message: '' };
    expect(() => codeLabel(typo.code)).toThrow('Unknown diagnostic code "table/typo": every rule and warning code is named in model/diagnostics.ts.');
    expect(() => noteStatus({ result: 'warning', rule: typo.code })).toThrow(/table\/typo/);
    expect(warning.safeParse(typo).success).toBe(false);
    // Object's own keys are no codes either.
    expect(() => diagnostic('toString')).toThrow(/Unknown diagnostic code/);
  });
});
