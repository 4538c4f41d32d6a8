// Every file and folder a build generates, and where: the data stage, the hub of a build in shards, the
// Astro pages, the search index and the tests all take their paths from here, given the generated folder
// (`npm run build -- --generated DIR`, default `generated`). Nothing here reads the environment.

/** The generated folder of a build that is given none. */
export const DEFAULT_GENERATED = 'generated';

/** The layout of a generated folder, with each path made by `at` from its place in the folder. */
function layout(at: (path: string) => string) {
  return {
    /** Summary[]: one line per report, sorted by agency then year. */
    summaries: at('reports.json'),
    /** Agency[] */
    agencies: at('agencies.json'),
    /** Note[] (model/notes.ts): every finding of every report, in reports.json's order; pages spanning the corpus read these, not the reports. */
    notes: at('notes.json'),
    /** Revision[] (model/revisions.ts): every replacement of a report's original, in reports.json's order. */
    revisions: at('revisions.json'),
    /** BuildInfo (model/corpus.ts). */
    build: at('build.json'),
    /** The search page's bundles (model/search-bundles.ts SEARCH_BUNDLES_FILE). */
    searchBundles: at('search-bundles.json'),
    /** A build shard's own search bundles, without their ids, which the hub lists (scripts/shards/). */
    shardBundles: at('search-shards.json'),
    /** The corpus in parts, which the page data is made from (scripts/page-data/parts.ts). */
    parts: at('parts'),
    /** What the pages spanning the corpus read (model/page-data.ts pageFiles). */
    pages: at('pages'),
    /**
     * Files served as downloads under `/data/`: reports.json, reports.csv, checks.csv, dictionary.json/.csv,
     * coverage.csv, the Parquet tables, reports/<id>.json|.csv|.md and originals/<id>.<ext>.
     */
    downloads: at('downloads'),
    /** downloads/reports.json: `{"columns":[…],"rows":[…]}` (scripts/stage/bulk-files.ts). */
    bulkJson: at('downloads/reports.json'),
    bulkCsv: at('downloads/reports.csv'),
    checksCsv: at('downloads/checks.csv'),
    dictionaryJson: at('downloads/dictionary.json'),
    dictionaryCsv: at('downloads/dictionary.csv'),
    /** Who reported for which year (model/coverage.ts), written with the page data. */
    coverageCsv: at('downloads/coverage.csv'),
    /** Each report's own downloads: `<id>.json` (the data contract), `.csv`, `.md`. */
    reports: at('downloads/reports'),
    /** Report (the data contract), one per report; also served as its JSON download. */
    report: (id: string, ext: '.json' | '.csv' | '.md' = '.json') => at(`downloads/reports/${id}${ext}`),
    /** Byte-identical copies of the reports' originals (model/corpus.ts originalFile). */
    originals: at('downloads/originals'),
    /** A report's original, by the extension it is served with (`.pdf`, `.html.txt`: model/corpus.ts originalFile). */
    original: (id: string, ext: string) => at(`downloads/originals/${id}${ext}`),
    /** The data stage's memory between builds: its index of inputs (scripts/stage/corpus-index.ts). */
    cache: at('.cache'),
    /** Where a parsed report's downloads wait until the build knows it is the one kept for its agency and year. */
    pending: at('.cache/pending'),
  };
}

/** The paths of the generated folder `root`. */
export function generatedFiles(root: string = DEFAULT_GENERATED) {
  const base = root.replace(/\/+$/, '') || '.';
  return {
    root: base,
    ...layout((path) => `${base}/${path}`),
    /**
     * Each report's earlier versions and their state, beside the generated folder, not in it: generated/ may
     * be deleted, but the history of what was published must outlive it (scripts/stage/revisions.ts).
     */
    revisionsState: `${base}.revisions`,
  };
}

/** The same paths relative to the generated folder, for the data stage's Io (scripts/stage/io.ts), which is rooted there. */
export const IN_GENERATED = layout((path) => path);
