// The search page: Pagefind's JS API over this site's own indexes, one per year or per province of a big
// year (model/search-bundles.ts). A result must contain what was typed: the index holds every
// character with the next one (src/search/index-words.ts), each phrase is searched as the exact phrase of
// those words, and every result shown is checked against its text. The bundles are searched a group at a
// time (src/search/search-groups.ts: newest year first, the reader's province first), each when the
// results reach it or the reader asks, so a first search downloads one group's index, not all of them.
// State lives in the URL. Excerpts come from untrusted report text: they are made here from the
// result's text and put in the page as text and <mark> elements, never as markup.
import { entriesOf, lookup, matchAgencies, namePart, provinceOf, queryKeys, sizesPart, unpackName, type AnyEntry } from '../search/agency-names.ts';
import { fetchGzipJson } from '../search/gzip-json.ts';
import { blocksOf, phraseQuery, relatedQuery } from '../search/index-words.ts';
import { groupLabel, groupsText, searchGroups, type Bundle, type Group } from '../search/search-groups.ts';
import { containsAll, excerpt, paramsFromState, phrases, stateFromParams, type SearchState } from '../search/search-query.ts';

interface Fragment {
  url: string;
  /** The index words of the page's text (index-words.ts). */
  content: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<Fragment>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
}
type Filters = Record<string, string | { any: string[] }>;
interface PagefindInstance {
  filters: () => Promise<Counts>;
  mergeIndex: (bundle: string, o: { baseUrl: string; mergeFilter: Record<string, string> }) => Promise<void>;
  search: (q: string | null, o: { filters: Filters }) => Promise<PagefindResponse>;
}
interface PagefindModule {
  createInstance: (o: { basePath: string; baseUrl: string; mergeFilter: Record<string, string> }) => PagefindInstance;
}

/**
 * A filter Pagefind gives every page of a bundle merged into the page's instance (its mergeFilter), whose
 * value is the bundle: a search of some bundles leaves out the others merged before.
 */
const BUNDLE = 'bundle';

interface Hit {
  result: PagefindResult;
  fragment?: Fragment;
  /** Whether the page text holds every phrase; known once its fragment is loaded. */
  holds?: boolean;
}

const PAGE = 20;
/** Agencies offered above the results. */
const AGENCIES = 8;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, props: Partial<HTMLElementTagNameMap[K]> = {}) => {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
};

function resultItem(f: Fragment, wanted: string[]): HTMLLIElement {
  const item = el('li');
  const link = el('a', f.meta.title ?? f.url, { href: f.url });
  const meta = el('div', [f.meta.agency, f.meta.year && `${f.meta.year}年度`].filter(Boolean).join(' · '), { className: 'meta' });
  const text = el('p');
  text.append(...excerpt(blocksOf(f.content), wanted).map((part) => (part.mark ? el('mark', part.text) : document.createTextNode(part.text))));
  item.append(link, meta, text);
  return item;
}

/** One search (query, filters, sort) over the bundles, searched a group at a time as far as it is read. */
class Session {
  readonly key: string;
  readonly wanted: string[];
  /** Groups still to search, in order. */
  readonly pending: Group[];
  readonly searched: Group[] = [];
  hits: Hit[] = [];
  counts: Counts = {};
  private related?: Promise<Hit[]>;
  readonly state: SearchState;
  private readonly include: (bundles: Bundle[]) => Promise<PagefindInstance>;

  /** `include` gives the page's Pagefind instance with these bundles merged into it. */
  constructor(state: SearchState, groups: Group[], include: (bundles: Bundle[]) => Promise<PagefindInstance>) {
    this.state = state;
    this.include = include;
    this.key = JSON.stringify([state.q, state.filters, state.sort]);
    this.wanted = phrases(state.q);
    this.pending = groups;
  }

  get complete() {
    return this.pending.length === 0;
  }
  /** Years every group of which is searched. */
  get completeYears() {
    return [...new Set(this.searched.map((g) => g.year))].filter((y) => !this.pending.some((g) => g.year === y));
  }

  /**
   * Searches groups in order until `parts` are searched and some result lies beyond the first `from`
   * (so the page starting there is not empty), or none are left. Sorted by relevance, all at once.
   */
  async reach(from: number, parts: number): Promise<void> {
    if (this.state.sort === 'relevance') {
      const all = this.pending.splice(0);
      if (all.length > 0) this.hits = await this.searchIn(all.flatMap((g) => g.bundles));
      this.searched.push(...all);
      return;
    }
    while (!this.complete && (this.searched.length < parts || this.hits.length <= from)) {
      const group = this.pending.shift()!;
      this.hits.push(...(await this.searchIn(group.bundles)));
      this.searched.push(group);
    }
  }

  /** Results in these bundles that hold every phrase: one search per phrase (index-words.ts), intersected; best first. */
  private async searchIn(bundles: Bundle[]): Promise<Hit[]> {
    const pagefind = await this.include(bundles);
    const filters: Filters = { ...this.state.filters, [BUNDLE]: { any: bundles.map((b) => b.bundle) } };
    if (this.wanted.length === 0) return this.take(await pagefind.search(null, { filters }));
    const [first, ...others] = await Promise.all(this.wanted.map((p) => pagefind.search(phraseQuery(p)!.query, { filters })));
    // One phrase: Pagefind's own filter counts are the counts of these results. Several: Pagefind cannot
    // count an intersection, so the filters show no counts (README, "Search").
    if (others.length === 0) return this.take(first!);
    const found = others.map((o) => new Set(o.results.map((r) => r.id)));
    const inAll = new Set(first!.results.map((r) => r.id).filter((id) => found.every((ids) => ids.has(id))));
    return first!.results.filter((r) => inAll.has(r.id)).map((result) => ({ result }));
  }

  private take(response: PagefindResponse): Hit[] {
    for (const [name, values] of Object.entries(response.filters))
      for (const [value, n] of Object.entries(values)) (this.counts[name] ??= {})[value] = (this.counts[name][value] ?? 0) + n;
    return response.results.map((result) => ({ result }));
  }

  /** Loads the fragments of these hits and checks that each holds every phrase. */
  async check(hits: Hit[]): Promise<void> {
    await Promise.all(
      hits.map(async (h) => {
        h.fragment ??= await h.result.data();
        h.holds = this.wanted.length === 0 || containsAll(blocksOf(h.fragment.content), this.wanted);
      }),
    );
  }

  /** The best results of the groups searched that hold the query's pieces (index-words.ts relatedQuery), but not the query as typed. */
  relatedHits(): Promise<Hit[]> {
    this.related ??= (async () => {
      const exact = new Set(this.hits.map((h) => h.result.id));
      const bundles = this.searched.flatMap((g) => g.bundles);
      const filters: Filters = { ...this.state.filters, [BUNDLE]: { any: bundles.map((b) => b.bundle) } };
      const { results } = await (await this.include(bundles)).search(relatedQuery(this.wanted), { filters });
      const hits = results
        .filter((r) => !exact.has(r.id))
        .slice(0, PAGE)
        .map((result): Hit => ({ result }));
      await this.check(hits);
      return hits;
    })();
    return this.related;
  }
}

export async function runSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const agencyBox = document.querySelector<HTMLElement>('#agency-matches')!;
  const pager = document.querySelector<HTMLElement>('#search-pager')!;
  const relatedBox = document.querySelector<HTMLElement>('#search-related')!;
  const base = form.dataset.base!;
  const bundles: Bundle[] = JSON.parse(form.dataset.shards!);
  const groupPages = Number(form.dataset.groupPages);
  if (bundles.length === 0) {
    status.textContent = '还没有可以搜索的报告。';
    return;
  }

  // One Pagefind instance, made at the first search on the first bundle it needs; other bundles are
  // merged into it (Pagefind's mergeIndex: their metadata and chunks only, the JS and WASM are loaded
  // once) when a search first reaches them, each with its bundle as a filter value.
  let pagefind: Promise<PagefindInstance> | undefined;
  let primary: string | undefined;
  const merged = new Map<string, Promise<void>>();
  const include = async (wanted: Bundle[]): Promise<PagefindInstance> => {
    primary ??= wanted[0]!.bundle;
    pagefind ??= (import(/* @vite-ignore */ `${base}${primary}pagefind.js`) as Promise<PagefindModule>).then((m) =>
      m.createInstance({ basePath: `${base}${primary}`, baseUrl: base, mergeFilter: { [BUNDLE]: primary! } }),
    );
    const instance = await pagefind;
    await Promise.all(
      wanted.map(({ bundle }) => {
        if (!merged.has(bundle)) {
          const merging =
            bundle === primary ? Promise.resolve() : instance.mergeIndex(`${base}${bundle}`, { baseUrl: base, mergeFilter: { [BUNDLE]: bundle } });
          // Loads the bundle's filter index, so results come with counts per filter value.
          merged.set(
            bundle,
            merging.then(async () => void (await instance.filters())),
          );
        }
        return merged.get(bundle);
      }),
    );
    return instance;
  };

  // The agency names come in files by key (src/search/agency-names.ts): a query loads its kind's file
  // sizes and the one file that holds every agency it can match.
  const loaded = new Map<string, Promise<unknown>>();
  const file = <T>(part: string) => {
    if (!loaded.has(part)) loaded.set(part, fetchGzipJson<T>(`${base}search/agency-names/${part}.json.gz`));
    return loaded.get(part) as Promise<T>;
  };

  /**
   * The agencies whose name (or, for Latin letters, pinyin or initials) holds the query, best first; within
   * the region filter's province if any (agencies of no known province stay). `tooMany`: the agencies
   * a file would have to hold to tell, when that is more than a query may download.
   */
  async function matching(q: string, region = ''): Promise<{ all: AnyEntry[]; found: number[]; provinces: (string | undefined)[]; tooMany?: number }> {
    const keys = queryKeys(q);
    const none = { all: [], found: [], provinces: [] };
    if (!keys) return none;
    const where = lookup(keys.groups, await file<number[]>(sizesPart(keys.kind)));
    if ('tooMany' in where) return { ...none, tooMany: where.tooMany };
    const entries = entriesOf(await Promise.all(where.files.map((n) => file<AnyEntry[]>(namePart(keys.kind, n)))));
    const all = region
      ? entries.filter((e) => {
          const province = provinceOf(e, keys.kind);
          return !province || region.startsWith(province);
        })
      : entries;
    return { all, found: matchAgencies(q, all), provinces: all.map((e) => provinceOf(e, keys.kind)) };
  }

  /** Lists the agencies a query names, unless a later search (`ticket`) took its place meanwhile. */
  async function showAgencies(q: string, region: string | undefined, ticket: number) {
    agencyBox.replaceChildren();
    if (!q) return;
    const { all, found, tooMany } = await matching(q, region);
    if (ticket !== shown) return;
    if (tooMany)
      agencyBox.append(el('h2', '机关'), el('p', `名称含“${q}”的机关可能很多：要查明须下载 ${tooMany} 个机关的名称，这里不列出。请输入更完整的名称。`));
    if (found.length === 0) return;
    const items = found.slice(0, AGENCIES).map((i) => {
      const [id, name] = all[i]!;
      const item = el('li');
      item.append(el('a', unpackName(name), { href: `${base}agencies/${id}/` }));
      return item;
    });
    const more = found.length > AGENCIES ? [el('p', `另有 ${found.length - AGENCIES} 个机关的名称含“${q}”，请输入更完整的名称。`)] : [];
    agencyBox.append(el('h2', '机关'), el('ul', undefined, { className: 'agency-matches' }), ...more);
    agencyBox.querySelector('ul')!.append(...items);
  }

  /** Whether some year is searched in more than one group, so that which comes first matters. */
  const split = bundles.some((b) => bundles.filter((o) => o.year === b.year).reduce((n, o) => n + o.pages, 0) > groupPages);

  /** The groups of a search: the provinces of the agencies the query names come first. */
  async function groupsOf(s: SearchState): Promise<Group[]> {
    const found = split && s.q ? await matching(s.q, s.filters['地区']) : undefined;
    const preferred = found ? [...new Set(found.found.slice(0, AGENCIES).flatMap((i) => found.provinces[i] ?? []))] : [];
    return searchGroups(bundles, { year: s.filters['年度'], region: s.filters['地区'], preferred, groupPages });
  }

  const filterNames = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((s) => s.name);
  const read = (): SearchState => stateFromParams(new URLSearchParams(location.search), filterNames);
  const fill = (s: SearchState) => {
    for (const field of form.elements) {
      if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) continue;
      field.value = field.name === 'q' ? s.q : field.name === 'sort' ? s.sort : (s.filters[field.name] ?? '');
    }
  };
  const go = (s: SearchState) => {
    const query = paramsFromState(s).toString();
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void show(s);
  };

  /** The filters' options with the number of results each would leave, where known. */
  function showCounts(session: Session | null) {
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const counts = session?.counts[select.name];
      for (const option of select.options) {
        if (!option.value) continue;
        const searched = select.name !== '年度' ? session?.complete : session?.completeYears.includes(Number(option.value));
        const n = counts && searched && session!.wanted.length <= 1 ? `（${counts[option.value] ?? 0}）` : '';
        option.textContent = option.value + n;
      }
    }
  }

  let session: Session | null = null;
  let shown = 0;
  /** Shows the results of a state; the list is aria-busy until the page (related results included) is complete. */
  async function show(s: SearchState) {
    const ticket = ++shown;
    list.setAttribute('aria-busy', 'true');
    try {
      await Promise.all([render(s, ticket), showAgencies(s.q, s.filters['地区'], ticket)]);
    } finally {
      if (ticket === shown) list.setAttribute('aria-busy', 'false');
    }
  }

  async function render(asked: SearchState, ticket: number) {
    let s = asked;
    list.replaceChildren();
    pager.replaceChildren();
    relatedBox.replaceChildren();
    if (!s.q && Object.keys(s.filters).length === 0) {
      status.textContent = '请输入关键词或选择筛选条件。';
      session = null;
      showCounts(null);
      return;
    }
    document.title = `${s.q ? `搜索“${s.q}”` : '搜索'} · 政府信息公开年报库`;
    status.textContent = '正在搜索…';
    const key = JSON.stringify([s.q, s.filters, s.sort]);
    if (session?.key !== key) session = new Session(s, await groupsOf(s), include);
    const current = session;
    await current.reach((s.page - 1) * PAGE, s.parts);
    // A link past the last page (the corpus shrank since it was shared) shows the last page.
    const lastPage = Math.max(1, Math.ceil(current.hits.length / PAGE));
    if (current.complete && s.page > lastPage) s = { ...s, page: lastPage };
    const from = (s.page - 1) * PAGE;
    const page = current.hits.slice(from, from + PAGE);
    await current.check(page);
    if (ticket !== shown) return;

    const total = current.hits.length;
    const scope = current.complete ? '' : `在 ${groupsText(current.searched)}的报告中`;
    const what = s.q ? `含“${current.wanted.join('”和“')}”的报告` : '符合条件的报告';
    const dropped = page.filter((h) => !h.holds).length;
    const rest = current.pending;
    const years = rest.every((g) => g.whole);
    status.textContent =
      (total === 0
        ? `没有找到${what}。`
        : `${scope}找到 ${total} 份${what}${total > PAGE ? `，这是第 ${from + 1}—${Math.min(from + PAGE, total)} 份` : ''}。`) +
      (current.complete
        ? ''
        : years
          ? `更早的 ${rest.length} 个年度（${rest.map((g) => g.year).join('、')}）还没有搜索。`
          : `还有 ${rest.length} 部分没有搜索，下一部分是${groupLabel(rest[0]!)}。`) +
      (dropped ? `其中 ${dropped} 份核对全文后不含所搜词语，未列出。` : '');
    list.replaceChildren(...page.filter((h) => h.holds).map((h) => resultItem(h.fragment!, current.wanted)));
    showCounts(current);

    const controls: HTMLElement[] = [];
    const button = (text: string, state: SearchState) => {
      const b = el('button', text, { type: 'button' });
      b.addEventListener('click', () => go(state));
      controls.push(b);
      return b;
    };
    if (s.page > 1) button('上一页', { ...s, page: s.page - 1 });
    if (total > PAGE || s.page > 1) controls.push(el('span', `第 ${s.page} 页，共 ${lastPage}${current.complete ? '' : '+'} 页`));
    if (total > from + PAGE) button('下一页', { ...s, page: s.page + 1 });
    if (!current.complete) {
      const searched = current.searched.length;
      button(rest[0]!.whole ? `搜索更早的 ${rest[0]!.year} 年度` : `搜索${groupLabel(rest[0]!)}`, { ...s, parts: searched + 1 }).dataset.more = '';
      button(years ? '搜索全部年度' : '搜索全部年度和地区', { ...s, parts: searched + rest.length });
    }
    pager.append(...controls);

    // Related results: on the last page only, after the results, labelled as such.
    if (s.q && current.complete && total <= from + PAGE) {
      const related = await current.relatedHits();
      if (ticket !== shown || related.length === 0) return;
      const items = related.map((h) => resultItem(h.fragment!, current.wanted));
      relatedBox.append(
        el('h2', '相关结果'),
        el('p', `以下报告含“${current.wanted.join(' ')}”的各个部分，但不含完整的词语。`),
        el('ol', undefined, { className: 'search-results' }),
      );
      relatedBox.querySelector('ol')!.append(...items);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    go({ ...stateFromParams(data, filterNames), page: 1 });
  });
  addEventListener('popstate', () => {
    fill(read());
    void show(read());
  });
  fill(read());
  await show(read());
}
