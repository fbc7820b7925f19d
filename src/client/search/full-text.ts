/**
 * The second stage: pagefind's full-text results with excerpts, on request (搜索全文).
 * Pagefind with its index chunks is 150–300 kB gzip for a colloquial query, too much
 * to load before the reader asks.
 */
import { isWeakExcerpt, normaliseQuery } from '../../lib/search/hints.ts';
import { loadPagefind, stripBase, type PagefindApi, type PagefindResult } from './load.ts';

/** How many results 搜索全文 adds below the first ones. */
export const MORE_RESULTS = 10;
/** Pagefind results looked at, at most, to find MORE_RESULTS that are new and not weak. */
const PAGEFIND_CANDIDATES = 24;

export interface FullTextResult {
  url: string;
  path: string;
  title?: string;
  type?: string;
  excerptHtml: string;
}

async function search(
  pf: PagefindApi,
  q: string,
  filters: Record<string, string> | undefined,
): Promise<PagefindResult[]> {
  const found = (await pf.search(q, { filters }))?.results ?? [];
  const chars = [...normaliseQuery(q)];
  if (found.length > 0 || chars.length <= 2) return found;
  // Fallback: the query as separate words (if the reader typed spaces) or two-character pieces.
  const parts = q.trim().includes(' ')
    ? q.trim().split(/\s+/)
    : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  const lists = await Promise.all(
    parts.map((p) => pf.search(p, { filters }).then((r) => r?.results ?? [])),
  );
  const best = new Map<string, PagefindResult & { hits: number }>();
  for (const list of lists) {
    for (const r of list) {
      const prev = best.get(r.id);
      best.set(r.id, {
        ...r,
        data: r.data,
        score: (prev?.score ?? 0) + r.score,
        hits: (prev?.hits ?? 0) + 1,
      });
    }
  }
  return [...best.values()].sort((a, b) => b.hits - a.hits || b.score - a.score);
}

/**
 * Up to MORE_RESULTS full-text results not in `seen` (site paths), in pagefind's order.
 * Each result's data is a separate download (a fragment of about 1.3 kB gzip), so it is
 * fetched in batches of just as many as are still missing.
 */
export async function moreResults(
  q: string,
  type: string | undefined,
  seen: Set<string>,
): Promise<FullTextResult[]> {
  const pf = await loadPagefind();
  const text = (await search(pf, q, type ? { type } : undefined)).slice(0, PAGEFIND_CANDIDATES);
  const out: FullTextResult[] = [];
  for (let i = 0; i < text.length && out.length < MORE_RESULTS;) {
    const batch = text.slice(i, i + MORE_RESULTS - out.length);
    i += batch.length;
    for (const d of await Promise.all(batch.map((r) => r.data()))) {
      const path = stripBase(d.url);
      if (seen.has(path) || isWeakExcerpt(d.excerpt, q)) continue;
      seen.add(path);
      out.push({
        url: d.url,
        path,
        title: d.meta.title,
        type: d.meta.type,
        excerptHtml: d.excerpt,
      });
    }
  }
  return out;
}
