// The bulk CSV files again with Chinese headers, for people who open them in Excel or WPS: the same bytes
// after the header line, so the two files can never disagree (scripts keep the English-header files).
// Streamed, so a corpus CSV of gigabytes is copied, not held.
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../../model/csv.ts';

const BOM = '\uFEFF';

/** `reports.csv` → `reports-zh.csv`. */
export const chineseName = (file: string) => file.replace(/\.csv$/, '-zh.csv');

/**
 * Writes `to`: the CSV file `from` with its header line replaced by `header` (the English names' Chinese
 * labels, in order). The header line holds no line break (its names are keys): it ends at the first LF.
 */
export async function withChineseHeader(from: string, to: string, header: string[]): Promise<void> {
  const temp = `${to}.${process.pid}.tmp`;
  const out = createWriteStream(temp);
  out.write(BOM + csvLine(header));
  let inHeader = true;
  for await (const chunk of createReadStream(from) as AsyncIterable<Buffer>) {
    let rest = chunk;
    if (inHeader) {
      const end = rest.indexOf(0x0a);
      if (end < 0) continue; // still in the header
      inHeader = false;
      rest = rest.subarray(end + 1);
      out.write('\r\n');
    }
    if (!out.write(rest)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(temp, to);
}
