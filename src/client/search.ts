/**
 * The search page. The search data load only once the reader has a query, so reading
 * pages never download them.
 *
 * Strategy (chosen by measurement, see npm run bench:search and npm run bench:weight):
 *  1. pages whose title, keywords or glossary aliases match the reader's words
 *     (/search-hints.json, about 13 kB gzip);
 *  2. then pages whose text contains the query's words, from the sharded text index
 *     (src/lib/search/text-index.ts): only the few 2–3 kB shards holding the query's
 *     terms download, so the first query stays within its 120 kB budget whatever the
 *     query (tests/budgets/search.test.ts);
 *  3. on request (搜索全文), pagefind's full-text results with excerpts are added below.
 *     Pagefind with its index chunks is 150–300 kB gzip for a colloquial query, too much
 *     to load before the reader asks.
 */
import { isWeakExcerpt, matchHints, nearestTerms, normaliseQuery, type HintPage, type SearchHints } from '../lib/search/hints.ts';
import { searchTextIndex, shardsForQuery, type TextShard } from '../lib/search/text-index.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  search(query: string, opts?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface DisplayResult {
  url: string;
  title: string;
  type: string;
  /** Snippet HTML-free text with the query marked as [start, end) ranges, or pagefind's excerpt. */
  excerptHtml?: string;
  description?: string;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const withBase = (path: string) => base + path.replace(/^\//, '');
let pagefind: Promise<PagefindApi> | undefined;
let hints: Promise<SearchHints> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const mod = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // noWorker: otherwise pagefind 1.6 also downloads pagefind-worker.js, a second copy of
    // its search code (about 12 kB gzip) to run in a Web Worker. The index is small, so the
    // search runs quickly on the page's own thread and the first query stays within its
    // 120 kB budget (tests/budgets/search.test.ts).
    await mod.options({ baseUrl: base, excerptLength: 24, noWorker: true });
    return mod;
  })();
  return pagefind;
}

function loadHints(): Promise<SearchHints> {
  hints ??= fetch(withBase('/search-hints.json')).then((r) => {
    if (!r.ok) throw new Error(`search-hints.json: HTTP ${r.status}`);
    return r.json() as Promise<SearchHints>;
  });
  return hints;
}

const shardCache = new Map<string, Promise<TextShard>>();

function loadShard(dir: string, i: number): Promise<TextShard> {
  const url = withBase(`/${dir}/${i}.json`);
  let p = shardCache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json() as Promise<TextShard>;
    });
    // A failed download is retried on the next query instead of being remembered.
    p.catch(() => shardCache.delete(url));
    shardCache.set(url, p);
  }
  return p;
}

/** Pages whose text holds the query's words, best first (none in `astro dev`, which has no index). */
async function textMatches(q: string, h: SearchHints): Promise<HintPage[]> {
  const x = h.x;
  if (!x) return [];
  const need = shardsForQuery(q, x.s);
  const shards = new Map(await Promise.all(need.map(async (i) => [i, await loadShard(x.dir, i)] as const)));
  return searchTextIndex(q, shards, x.s)
    .map((m) => h.pages[m.id])
    .filter((p): p is HintPage => !!p);
}

const stripBase = (url: string) => '/' + new URL(url, location.href).pathname.slice(base.length);

async function fullText(pf: PagefindApi, q: string, filters: Record<string, string> | undefined): Promise<PagefindResult[]> {
  const found = (await pf.search(q, { filters }))?.results ?? [];
  const chars = [...normaliseQuery(q)];
  if (found.length > 0 || chars.length <= 2) return found;
  // Fallback: the query as separate words (if the reader typed spaces) or two-character pieces.
  const parts = q.trim().includes(' ') ? q.trim().split(/\s+/) : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  const lists = await Promise.all(parts.map((p) => pf.search(p, { filters }).then((r) => r?.results ?? [])));
  const best = new Map<string, PagefindResult & { hits: number }>();
  for (const list of lists) {
    for (const r of list) {
      const prev = best.get(r.id);
      best.set(r.id, { ...r, data: r.data, score: (prev?.score ?? 0) + r.score, hits: (prev?.hits ?? 0) + 1 });
    }
  }
  return [...best.values()].sort((a, b) => b.hits - a.hits || b.score - a.score);
}

/** Results of the first stage: hint matches first, then text-index matches. */
const FIRST_RESULTS = 10;
const MORE_RESULTS = 10;

export interface SearchOutcome {
  results: DisplayResult[];
  /** True when pagefind was not searched: its full-text results are available on request. */
  partial: boolean;
  /** With fullText: how many of the results come before pagefind's (the first-stage list). */
  firstStage: number;
}

/**
 * Ranked results for a query: the function the page and the benchmark both use. The
 * first stage (hints, then the text index) never loads pagefind; with fullText, the
 * same first results are followed by pagefind's, so nothing the reader saw moves.
 */
export async function searchSite(query: string, type?: string, opts: { fullText?: boolean } = {}): Promise<SearchOutcome> {
  const q = query.trim();
  if (!q) return { results: [], partial: false, firstStage: 0 };
  const h = await loadHints();
  const pages = new Map<string, HintPage>(h.pages.map((p) => [p.u, p]));
  const ofType = (p: HintPage | undefined): p is HintPage => !!p && (!type || p.k === type);
  const matched = matchHints(q, h)
    .filter((m) => m.score >= 100)
    .map((m) => pages.get(m.u))
    .filter(ofType);
  const toDisplay = (p: HintPage): DisplayResult => ({ url: withBase(p.u), title: p.t, type: p.k, description: p.d });
  const first = matched.slice(0, FIRST_RESULTS);
  const seen = new Set(first.map((p) => p.u));
  // Ten hint matches answer the query on their own: no shard is downloaded.
  if (first.length < FIRST_RESULTS) {
    for (const p of (await textMatches(q, h)).filter(ofType)) {
      if (first.length >= FIRST_RESULTS) break;
      if (seen.has(p.u)) continue;
      seen.add(p.u);
      first.push(p);
    }
  }
  const out: DisplayResult[] = first.map(toDisplay);
  if (!opts.fullText) return { results: out, partial: true, firstStage: out.length };

  // Of pagefind's first results, take those not shown yet and not weak, in order, until
  // there are MORE_RESULTS more. Each result's data is a separate download (a fragment of
  // about 1.3 kB gzip), so it is fetched in batches of just as many as are still missing.
  const pf = await loadPagefind();
  const text = (await fullText(pf, q, type ? { type } : undefined)).slice(0, 24);
  const wanted = out.length + MORE_RESULTS;
  for (let i = 0; i < text.length && out.length < wanted; ) {
    const batch = text.slice(i, i + wanted - out.length);
    i += batch.length;
    for (const d of await Promise.all(batch.map((r) => r.data()))) {
      const path = stripBase(d.url);
      if (seen.has(path) || isWeakExcerpt(d.excerpt, q)) continue;
      seen.add(path);
      out.push({ url: d.url, title: pages.get(path)?.t ?? d.meta.title ?? path, type: d.meta.type ?? '页面', excerptHtml: d.excerpt });
    }
  }
  return { results: out, partial: false, firstStage: first.length };
}

/** Text nodes with every occurrence of the query's words wrapped in <mark>. */
function markText(text: string, query: string): Node[] {
  const words = query.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [document.createTextNode(text)];
  const re = new RegExp(`(${words.join('|')})`, 'g');
  return text.split(re).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const m = document.createElement('mark');
    m.textContent = part;
    return m;
  });
}

/** Rebuilds pagefind's excerpt (text with <mark>) as DOM nodes, keeping only the marks. */
function excerptNodes(html: string): Node[] {
  const out: Node[] = [];
  let marked = false;
  const decoder = document.createElement('textarea');
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      decoder.innerHTML = part.replace(/<[^>]*>/g, '');
      const text = document.createTextNode(decoder.value);
      if (marked) {
        const m = document.createElement('mark');
        m.append(text);
        out.push(m);
      } else out.push(text);
    }
  }
  return out;
}

function renderResult(r: DisplayResult, query: string): HTMLLIElement {
  const li = document.createElement('li');
  const type = document.createElement('span');
  type.className = 'result-type';
  type.textContent = r.type;
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.title;
  const p = document.createElement('p');
  p.append(...(r.excerptHtml !== undefined ? excerptNodes(r.excerptHtml) : markText(r.description ?? '', query)));
  li.append(type, ' ', a, p);
  return li;
}

function suggestions(query: string, h: SearchHints): HTMLElement {
  const terms = nearestTerms(query, h);
  const box = document.createElement('div');
  box.className = 'notice';
  const p = document.createElement('p');
  p.textContent = terms.length ? '您可以试试这些词：' : '您可以换个说法，或者从这里找：';
  box.append(p);
  const ul = document.createElement('ul');
  ul.className = 'link-list';
  const link = (href: string, text: string) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    li.append(a);
    ul.append(li);
  };
  for (const t of terms) link(withBase(`/search/?q=${encodeURIComponent(t.t)}`), t.t);
  link(withBase('/qa/'), '全部问答');
  link(withBase('/glossary/'), '词语解释');
  link(withBase('/report/'), '我要举报');
  box.append(ul);
  return box;
}

export function startSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#search-page-q');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  const help = document.querySelector<HTMLElement>('#search-help');
  if (!input || !list || !status || !help) return;
  const form = input.form!;
  const selectedType = () => (form.querySelector<HTMLInputElement>('input[name="type"]:checked')?.value || undefined);
  let generation = 0;

  async function run(fullText = false): Promise<void> {
    const q = input!.value.trim();
    const type = selectedType();
    const mine = ++generation;
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    if (type) url.searchParams.set('type', type);
    else url.searchParams.delete('type');
    history.replaceState(null, '', url);
    if (!q) {
      list!.replaceChildren();
      help!.replaceChildren();
      status!.textContent = '';
      return;
    }
    status!.textContent = '正在搜索……';
    let outcome: SearchOutcome;
    try {
      outcome = await searchSite(q, type, { fullText });
    } catch {
      if (mine !== generation) return;
      status!.textContent = '搜索暂时无法使用，请检查网络后再试。';
      return;
    }
    if (mine !== generation) return;
    const { results, partial, firstStage } = outcome;
    list!.replaceChildren(...results.map((r) => renderResult(r, q)));
    const where = type ? `（${type}）` : '';
    status!.textContent = results.length === 0 ? `没有找到与“${q}”相关的内容${where}。` : `找到 ${results.length} 条与“${q}”相关的结果${where}。`;
    if (fullText) list!.querySelectorAll('a')[Math.min(firstStage, results.length - 1)]?.focus();
    const parts: HTMLElement[] = [];
    if (results.length < 3) parts.push(suggestions(q, await loadHints()));
    if (partial) {
      // Pagefind (150 kB and more with its index) loads only when the reader asks.
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'search-more';
      more.textContent = results.length ? '搜索全文，查看更多结果' : '在全文中再找一找';
      more.addEventListener('click', () => void run(true));
      parts.push(more);
    }
    help!.replaceChildren(...parts);
  }

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'type') void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });

  const params = new URLSearchParams(location.search);
  const t = params.get('type');
  if (t) form.querySelector<HTMLInputElement>(`input[name="type"][value="${CSS.escape(t)}"]`)?.click();
  const initial = params.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
