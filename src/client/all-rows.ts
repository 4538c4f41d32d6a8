// A long table ships only its first rows in the page (src/render/long-table.ts); the filters and sortable
// headers work on all of them, so the first time a reader filters or sorts, the rest arrive from the
// table's JSON file (table[data-rows]: an array of <tr> markup the build escaped, as it escapes the page).
const loading = new WeakMap<HTMLTableElement, Promise<void>>();

/** Puts every row of `table` into it, once; a table without data-rows already has them all. */
export function allRows(table: HTMLTableElement): Promise<void> {
  const source = table.dataset.rows;
  if (!source) return Promise.resolve();
  let done = loading.get(table);
  if (!done) {
    done = fetch(source)
      .then((response) => {
        if (!response.ok) throw new Error(`${source}: ${response.status}`);
        return response.json() as Promise<string[]>;
      })
      .then((rows) => {
        table.tBodies[0]!.innerHTML = rows.join('');
        // The note "first 100 of N" and the page links stop applying.
        for (const id of (table.dataset.partial ?? '').split(' ').filter(Boolean)) document.getElementById(id)?.setAttribute('hidden', '');
      });
    loading.set(table, done);
  }
  return done;
}
