// A report's narrative sections are Markdown made only of paragraphs (data-contract.md). Rendering them
// as plain text through Astro's escaping, never as HTML, keeps markup from a hostile report inert.

/** Markdown paragraphs → plain-text paragraphs, with backslash escapes (`\*`, `\<`) undone. */
export const paragraphs = (markdown: string): string[] =>
  markdown
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'))
    .filter(Boolean);
