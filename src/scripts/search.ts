/**
 * The search page. Pagefind's own code and index load only once the reader has a
 * query, so reading pages never download them.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let api: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const mod = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // noWorker: otherwise pagefind 1.6 also downloads pagefind-worker.js, a second copy of
    // its search code (about 12 kB gzip) to run in a Web Worker. The index is small, so the
    // search runs quickly on the page's own thread and the first query stays within its
    // 120 kB budget (tests/budgets/search.test.ts).
    await mod.options({ baseUrl: base, excerptLength: 24, noWorker: true });
    return mod;
  })();
  return api;
}

/** Rebuilds pagefind's excerpt (text with <mark>) as DOM nodes, keeping only the marks. */
function excerptNodes(html: string): Node[] {
  const out: Node[] = [];
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const decode = (s: string) => {
    const t = document.createElement('textarea');
    t.innerHTML = s.replace(/<[^>]*>/g, '');
    return t.value;
  };
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(decode(part));
      if (marked) {
        const m = document.createElement('mark');
        m.append(text);
        out.push(m);
      } else out.push(text);
    }
  }
  return out;
}

export function startSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#search-page-q');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  if (!input || !list || !status) return;
  const form = input.form!;
  let generation = 0;

  async function run(query: string): Promise<void> {
    const q = query.trim();
    const mine = ++generation;
    if (!q) {
      list!.replaceChildren();
      status!.textContent = '';
      return;
    }
    status!.textContent = '正在搜索……';
    const pf = await loadPagefind();
    const found = await pf.search(q);
    if (mine !== generation) return;
    const top = await Promise.all((found?.results ?? []).slice(0, 10).map((r) => r.data()));
    if (mine !== generation) return;
    list!.replaceChildren(
      ...top.map((d) => {
        const li = document.createElement('li');
        const type = document.createElement('span');
        type.className = 'result-type';
        type.textContent = d.meta.type ?? '页面';
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        const p = document.createElement('p');
        p.append(...excerptNodes(d.excerpt));
        li.append(type, ' ', a, p);
        return li;
      }),
    );
    const total = found?.results.length ?? 0;
    status!.textContent = total === 0 ? `没有找到与“${q}”相关的内容。` : `找到 ${total} 条结果${total > 10 ? '，显示前 10 条' : ''}。`;
  }

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      void run(input.value);
    }, 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value);
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
