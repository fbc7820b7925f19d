/**
 * The search page. Pagefind and the search hints load only once the reader has a
 * query, so reading pages never download them.
 *
 * Strategy (chosen by measurement, see npm run bench:search):
 *  1. pages whose title, keywords or glossary aliases match the reader's words;
 *  2. pagefind's full-text results for the query, minus weak single-character hits;
 *  3. if pagefind finds nothing for a longer query, its results for each word or
 *     two-character piece of the query, merged.
 */
import { isWeakExcerpt, matchHints, nearestTerms, normaliseQuery, type HintPage, type SearchHints } from '../lib/search/hints.ts';

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
    await mod.options({ baseUrl: base, excerptLength: 24 });
    return mod;
  })();
  return pagefind;
}

function loadHints(): Promise<SearchHints> {
  hints ??= fetch(withBase('/search-hints.json')).then((r) => r.json() as Promise<SearchHints>);
  return hints;
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

/** Ranked results for a query: the function the page and the benchmark both use. */
export async function searchSite(query: string, type?: string): Promise<DisplayResult[]> {
  const q = query.trim();
  if (!q) return [];
  const [pf, h] = await Promise.all([loadPagefind(), loadHints()]);
  const pages = new Map<string, HintPage>(h.pages.map((p) => [p.u, p]));
  const hinted = matchHints(q, h)
    .filter((m) => m.score >= 100)
    .map((m) => pages.get(m.u))
    .filter((p): p is HintPage => !!p && (!type || p.k === type))
    .slice(0, 5);
  const out: DisplayResult[] = hinted.map((p) => ({ url: withBase(p.u), title: p.t, type: p.k, description: p.d }));
  const seen = new Set(hinted.map((p) => p.u));

  const text = await fullText(pf, q, type ? { type } : undefined);
  const data = await Promise.all(text.slice(0, 12).map((r) => r.data()));
  for (const d of data) {
    const path = stripBase(d.url);
    if (seen.has(path) || isWeakExcerpt(d.excerpt, q)) continue;
    seen.add(path);
    out.push({ url: d.url, title: pages.get(path)?.t ?? d.meta.title ?? path, type: d.meta.type ?? '页面', excerptHtml: d.excerpt });
  }
  return out.slice(0, 10);
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

function renderSuggestions(target: HTMLElement, query: string, h: SearchHints): void {
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
  target.replaceChildren(box);
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

  async function run(): Promise<void> {
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
    const results = await searchSite(q, type);
    if (mine !== generation) return;
    list!.replaceChildren(...results.map((r) => renderResult(r, q)));
    const where = type ? `（${type}）` : '';
    status!.textContent = results.length === 0 ? `没有找到与“${q}”相关的内容${where}。` : `找到 ${results.length} 条与“${q}”相关的结果${where}。`;
    if (results.length < 3) renderSuggestions(help!, q, await loadHints());
    else help!.replaceChildren();
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
