// The search page: Pagefind's JS API from this site's own /pagefind/ folder. Query and filters live in the
// URL. Excerpts come from untrusted report text: only their text and Pagefind's <mark> highlights are
// copied into the page, never their markup.
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (bundle: string, o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}

const PAGE = 20;

/** Pagefind's excerpt (escaped text with <mark>) → DOM nodes: text and <mark> only. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

export async function runSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const base = form.dataset.base!;
  // One index per year (src/search/search-shards.ts): the newest year's bundle runs the search, the other
  // indexes are merged into it, and each result links under the site's base.
  const [primary, ...others] = form.dataset
    .bundles!.split(' ')
    .filter(Boolean)
    .map((bundle) => base + bundle);
  if (!primary) {
    status.textContent = '还没有可以搜索的报告。';
    return;
  }
  const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  for (const bundle of others) await pagefind.mergeIndex(bundle, { baseUrl: base });

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    for (const field of form.elements) {
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = params.get(field.name) ?? '';
    }
  };

  async function search() {
    const data = new FormData(form);
    const q = String(data.get('q') ?? '').trim();
    const filters = Object.fromEntries([...data].filter(([k, v]) => k !== 'q' && v !== '').map(([k, v]) => [k, String(v)]));
    list.replaceChildren();
    if (!q && Object.keys(filters).length === 0) {
      status.textContent = '请输入关键词或选择筛选条件。';
      return;
    }
    status.textContent = '正在搜索…';
    const { results } = await pagefind.search(q || null, { filters });
    const shown = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
    status.textContent =
      results.length === 0 ? `没有找到与“${q}”相关的报告。` : `找到 ${results.length} 份报告${results.length > PAGE ? `，显示前 ${PAGE} 份` : ''}。`;
    list.replaceChildren(
      ...shown.map((r) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = r.url;
        link.textContent = r.meta.title ?? r.url;
        const meta = document.createElement('div');
        meta.className = 'meta';
        meta.textContent = [r.meta.agency, r.meta.year && `${r.meta.year}年度`].filter(Boolean).join(' · ');
        const excerpt = document.createElement('p');
        excerpt.append(...excerptNodes(r.excerpt));
        item.append(link, meta, excerpt);
        return item;
      }),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)]));
    history.pushState(null, '', `?${query}`);
    void search();
  });
  addEventListener('popstate', () => {
    fromUrl();
    void search();
  });
  fromUrl();
  await search();
}
