// What the parser answers when there is no report: a bad file is the input's problem (`input`, with what to
// do); an exception inside the parser is nianbao's bug (`internal`, with the stack for the log), and the
// fuzzer counts it as a crash by that kind, whatever its message says.
import { afterEach, describe, expect, test } from 'vitest';
import { parseBytes } from '../../scripts/parser/index.ts';
import { answer } from '../../scripts/fuzz/run.ts';
import { FIXTURE_2021, tabText } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const replace = String.prototype.replace;
afterEach(() => {
  String.prototype.replace = replace;
});
/** A bug planted in the parser: any replace on a text holding 触发解析错误 throws. */
function plantBug(message: string) {
  String.prototype.replace = function (this: string, ...args: Parameters<typeof replace>) {
    if (String(this).includes('触发解析错误')) throw new TypeError(message);
    return replace.apply(this, args);
  } as typeof replace;
}

describe('parseBytes without a report', () => {
  test("a file that is not a report is the input's problem, said in a sentence", async () => {
    expect(await parseBytes('notes.txt', bytes('会议纪要\n今天天气很好。\n'))).toEqual({
      error: 'not a 政府信息公开工作年度报告: no report title, section headings or statistics tables found',
      kind: 'input',
    });
  });

  test('an exception inside the parser is internal, with its stack; the sentence names the exception, never the stack', async () => {
    plantBug('a bug planted by the test');
    const outcome = await parseBytes('r.txt', bytes(tabText({ ...FIXTURE_2021, overview: '触发解析错误。' })));
    expect(outcome).toEqual({
      error: 'internal error in the parser (TypeError: a bug planted by the test); please report it with this file',
      kind: 'internal',
      stack: expect.stringMatching(/^TypeError: a bug planted by the test\n\s+at /),
    });
  });

  test('the fuzzer counts a crash by its kind: an internal error is a crash whatever its words, an input error never is', async () => {
    // Words that once told a crash from an input error by the message's start.
    plantBug('internal error');
    const crash = await answer({ file: 'r.txt', bytes: bytes(tabText({ ...FIXTURE_2021, overview: '触发解析错误。' })), how: 'planted' });
    expect(crash).toMatchObject({ kind: 'crash', message: expect.stringContaining('TypeError: internal error') });
    String.prototype.replace = replace;
    const refused = await answer({ file: 'r.txt', bytes: bytes('internal error\n'), how: 'not a report' });
    expect(refused).toMatchObject({ kind: 'error', message: expect.stringContaining('not a 政府信息公开工作年度报告') });
  });
});
