// A report's narrative sections are Markdown made only of paragraphs (data-contract.md). Rendering them
// as plain text through Astro's escaping, never as HTML, keeps markup from a hostile report inert.

/** Markdown paragraphs → plain-text paragraphs, with backslash escapes (`\*`, `\<`) undone. */
export const paragraphs = (markdown: string): string[] =>
  markdown
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'))
    .filter(Boolean);

/**
 * Paragraphs within what is left of a page's allowance of characters (`budget.left`, spent here): a
 * report of megabytes on one line would make a page of as many. Returns those shown, the last one cut,
 * and how many characters were left out.
 */
export function withinBudget(list: string[], budget: { left: number }): { shown: string[]; omitted: number } {
  const shown: string[] = [];
  let omitted = 0;
  for (const p of list) {
    if (budget.left <= 0) omitted += p.length;
    else if (p.length <= budget.left) shown.push(p);
    else {
      shown.push(`${p.slice(0, budget.left)}……`);
      omitted += p.length - budget.left;
    }
    budget.left -= p.length;
  }
  return { shown, omitted };
}

/**
 * A piece of a long text kept to its first and last `keep` characters: `[head, omitted, tail]`, or the
 * whole text with nothing omitted.
 */
export function elided(text: string, keep: number): { head: string; omitted: number; tail: string } {
  if (text.length <= 2 * keep + 100) return { head: text, omitted: 0, tail: '' };
  return { head: text.slice(0, keep), omitted: text.length - 2 * keep, tail: text.slice(-keep) };
}
