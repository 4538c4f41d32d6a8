// npm run bench:corpus -- --reports N --seed S [--out DIR] [--broken SHARE] [--pdf SHARE]
// Writes a synthetic corpus for benchmarks and load tests (see generate.ts), never into content/.
import { parseArgs } from 'node:util';
import { DEFAULT_SHARES } from './figures.ts';
import { writeCorpus } from './generate.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    broken: { type: 'string', default: String(DEFAULT_SHARES.broken) },
    pdf: { type: 'string', default: '0' },
  },
});
const reports = Number(values.reports);
const seed = Number(values.seed);
const broken = Number(values.broken);
const pdf = Number(values.pdf);
if (!Number.isInteger(reports) || reports < 1 || !Number.isInteger(seed) || !(broken >= 0 && broken <= 1) || !(pdf >= 0 && pdf <= 1)) {
  console.error('usage: npm run bench:corpus -- --reports N --seed S [--out DIR] [--broken SHARE 0–1] [--pdf SHARE 0–1]');
  process.exit(2);
}
const out = values.out ?? `bench-out/corpus-${reports}-${seed}`;
try {
  const result = await writeCorpus({
    reports,
    seed,
    out,
    shares: { ...DEFAULT_SHARES, broken },
    pdf,
    onProgress: (n) => process.stderr.write(`\r${n} / ${reports}`),
  });
  process.stderr.write('\r');
  console.log(
    `wrote ${result.files} reports (${(result.bytes / 1e6).toFixed(1)} MB) to ${out} in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.files / result.seconds)} reports/s); manifest: ${out}/manifest.json`,
  );
} catch (e) {
  console.error(`bench:corpus: ${(e as Error).message}`);
  process.exit(1);
}
