// Tables that grow with the corpus (every agency, a year's ranking, every check result) print their
// first rows in the page and publish all their rows beside it as JSON: an array of <tr> markup, which
// src/client/all-rows.ts puts in the table the first time a reader filters or sorts. No page grows
// with the corpus, and the first screen needs no JavaScript.

/** Rows a long table prints in the page itself. */
export const FIRST_ROWS = 100;
