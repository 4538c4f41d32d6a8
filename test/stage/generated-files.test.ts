// The generated folder has one author (model/generated.ts), and the data stage writes each report's files
// once. Counted through the stage's Io: every write, scratch write, move and streamed file it makes.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generatedFiles, IN_GENERATED } from '../../model/generated.ts';
import { fileIo, type Io } from '../../scripts/stage/io.ts';
import { runDataStage } from '../../scripts/stage/stage.ts';
import { FIXTURE_2019, FIXTURE_2021, FIXTURE_2022_CARRY_OVER_BREAK, tabText } from '../parser/fixtures.ts';

let dir: string;
let content: string;
let out: string;

/** The stage's Io, recording each file it puts in place: `write` and `put` as written, `move` as moved. */
function countingIo(root: string) {
  const io = fileIo(root, () => {});
  const calls: { how: 'write' | 'put' | 'move' | 'open'; path: string }[] = [];
  const counted: Io = {
    ...io,
    write: (path, data) => (calls.push({ how: 'write', path }), io.write(path, data)),
    put: (path, data) => (calls.push({ how: 'put', path }), io.put(path, data)),
    move: (from, to) => (calls.push({ how: 'move', path: to }), io.move(from, to)),
    open: (path) => (calls.push({ how: 'open', path }), io.open(path)),
  };
  return { io: counted, calls };
}

const run = (io?: Io) => runDataStage({ contentDir: content, outDir: out, workers: 1, log: () => {}, io });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-generated-'));
  content = join(dir, 'content');
  out = join(dir, 'generated');
  await mkdir(content, { recursive: true });
  await writeFile(join(content, 'a.txt'), tabText(FIXTURE_2021));
  await writeFile(join(content, 'b.txt'), tabText(FIXTURE_2019));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the generated folder', () => {
  test('holds what model/generated.ts names, and nothing it does not name', async () => {
    await run();
    const files = generatedFiles(out);
    // Written by the build after the stage (the search bundles) or by a build shard (its bundles' sizes); the scratch folder is gone once the stage is done.
    const byOthers = new Set([files.searchBundles, files.shardBundles, files.pending]);
    const named = Object.entries(files).filter(([key, path]) => typeof path === 'string' && key !== 'root' && key !== 'revisionsState' && !byOthers.has(path));
    const top = (path: string) => path.slice(out.length + 1).split('/')[0];
    const expected = new Set(named.map(([, path]) => top(path as string)));
    expect(new Set(await readdir(out))).toEqual(expected);
    for (const [key, path] of named) expect(await readdir(join(path as string, '..')), key).toContain((path as string).split('/').at(-1));
    // The revisions' state beside it, not in it.
    expect(await readdir(dir)).toContain('generated.revisions');
  });
});

describe("a report's files", () => {
  const reportFiles = (calls: { how: string; path: string }[]) => calls.filter((c) => c.path.startsWith(`${IN_GENERATED.reports}/`));

  test('are put in place once each, by a move of what the parse worker wrote, and never rewritten', async () => {
    const { io, calls } = countingIo(out);
    const { summaries } = await run(io);
    const ids = summaries.map((s) => s.id).sort();
    expect(ids).toHaveLength(2);
    expect(reportFiles(calls).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      ids.flatMap((id) => ['.csv', '.json', '.md'].map((ext) => ({ how: 'move', path: `${IN_GENERATED.reports}/${id}${ext}` }))),
    );
    expect(calls.filter((c) => c.how === 'write' && c.path.endsWith('.json') && c.path.startsWith('.cache/pending'))).toEqual([]);
  });

  test('are not touched by a rebuild that changed nothing', async () => {
    await run();
    const { io, calls } = countingIo(out);
    await run(io);
    expect(reportFiles(calls)).toEqual([]);
    expect(calls.filter((c) => c.path.startsWith(`${IN_GENERATED.originals}/`))).toEqual([]);
  });

  test('R8 rewrites only the report that gains a break, once, before it is published', async () => {
    // 2021 carried forward 0 to 2022; 2022 says 2 were carried over.
    await writeFile(join(content, 'c.txt'), tabText(FIXTURE_2022_CARRY_OVER_BREAK));
    const { io, calls } = countingIo(out);
    const { summaries } = await run(io);
    const later = summaries.find((s) => s.year === 2022)!.id;
    // Its scratch JSON, the one file rewritten (the parse worker could not know its neighbour's year).
    expect(calls.filter((c) => c.how === 'write' && c.path.endsWith('.json') && c.path.startsWith(`${IN_GENERATED.pending}/`))).toHaveLength(1);
    expect(reportFiles(calls).filter((c) => c.path === IN_GENERATED.report(later))).toEqual([{ how: 'move', path: IN_GENERATED.report(later) }]);
    expect(reportFiles(calls).filter((c) => c.how !== 'move')).toEqual([]);
  });
});
