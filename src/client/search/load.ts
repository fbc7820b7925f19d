/**
 * Downloads for the search page, each once: the hints (manifest, glossary, synonyms),
 * text-index shards and page-record blocks (from the build's content-hashed folder),
 * and pagefind, which loads only when the reader asks for 搜索全文.
 */
import type { SearchHints } from '../../lib/search/hints.ts';
import type { SearchLoaders } from '../../lib/search/rank.ts';
import type { PageRecord, TextShard } from '../../lib/search/text-index.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  search(
    query: string,
    opts?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
export const withBase = (path: string) => base + path.replace(/^\//, '');
/** A result URL as a site path without the base. */
export const stripBase = (url: string) =>
  '/' + new URL(url, location.href).pathname.slice(base.length);

let pagefind: Promise<PagefindApi> | undefined;
let hints: Promise<SearchHints> | undefined;
const files = new Map<string, Promise<unknown>>();

export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const mod = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // noWorker: otherwise pagefind 1.6 also downloads pagefind-worker.js, a second copy of
    // its search code (about 12 kB gzip) to run in a Web Worker. The search runs quickly
    // on the page's own thread.
    await mod.options({ baseUrl: base, excerptLength: 24, noWorker: true });
    return mod;
  })();
  return pagefind;
}

/** A JSON file of the site, fetched once; a failed download is retried next time instead of being remembered. */
function json<T>(path: string): Promise<T> {
  const url = withBase(path);
  let p = files.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json() as Promise<T>;
    });
    p.catch(() => files.delete(url));
    files.set(url, p);
  }
  return p;
}

export function loadHints(): Promise<SearchHints> {
  hints ??= json<SearchHints>('/search-hints.json');
  hints.catch(() => (hints = undefined));
  return hints;
}

/** Loaders for the ranking function (src/lib/search/rank.ts), reading the build's index folder. */
export function loadersFor(h: SearchHints): SearchLoaders {
  const dir = h.x?.dir ?? '';
  return {
    shard: (i) => json<TextShard>(`/${dir}/${i}.json`),
    records: (b) => json<PageRecord[]>(`/${dir}/p${b}.json`),
  };
}
