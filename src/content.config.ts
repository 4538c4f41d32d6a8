// The collection holds one Summary per report (metadata only): report pages read their full JSON
// at render time, so the data store stays small at 100k reports (performance-notes.md B.7).
import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { files } from '../model/corpus.ts';
import { summary, type Summary } from '../model/summary.ts';

const reports = defineCollection({
  schema: summary,
  loader: {
    name: 'nianbao-summaries',
    async load({ store, parseData, generateDigest }) {
      let text: string;
      try {
        text = await readFile(files.summaries, 'utf8');
      } catch (cause) {
        throw new Error(`Cannot read ${files.summaries}: run \`npm run build\`, which writes it before building the site.`, { cause });
      }
      store.clear();
      for (const data of JSON.parse(text) as Summary[]) {
        store.set({ id: data.id, data: await parseData({ id: data.id, data }), digest: generateDigest(data) });
      }
    },
  },
});

export const collections = { reports };
