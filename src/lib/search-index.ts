// The search index comes in shards, one Pagefind bundle per year (scripts/site/pagefind.ts writes them;
// the search page merges them in the browser).

/** A year's bundle folder, relative to the site's base. */
export const searchBundle = (year: number | string) => `pagefind/${year}/`;
