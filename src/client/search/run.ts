/**
 * One search, as the page and the benchmark see it: the first stage (the ranking function
 * in src/lib/search/rank.ts with this site's loaders), then, on request, pagefind's
 * results appended below, so nothing the reader saw moves.
 */
import { firstResults, shardsNeeded, synonymShardsNeeded } from '../../lib/search/rank.ts';
import { moreResults } from './full-text.ts';
import { loadersFor, loadHints, withBase } from './load.ts';

export interface DisplayResult {
  url: string;
  title: string;
  type: string;
  /** Pagefind's excerpt (HTML with <mark>), for full-text results. */
  excerptHtml?: string;
  /** The page's one-sentence description, for first-stage results. */
  description?: string;
}

export interface SearchOutcome {
  results: DisplayResult[];
  /** True when pagefind was not searched: its full-text results are available on request. */
  partial: boolean;
  /** How many of the results come before pagefind's (the first-stage list). */
  firstStage: number;
}

export async function searchSite(
  query: string,
  type?: string,
  opts: { fullText?: boolean } = {},
): Promise<SearchOutcome> {
  const q = query.trim();
  if (!q) return { results: [], partial: false, firstStage: 0 };
  const h = await loadHints();
  const first = await firstResults(q, h, loadersFor(h), type);
  const out: DisplayResult[] = first.map((p) => ({
    url: withBase(p.u),
    title: p.t,
    type: p.k,
    description: p.d,
  }));
  if (!opts.fullText) return { results: out, partial: true, firstStage: out.length };
  const titles = new Map(first.map((p) => [p.u, p.t]));
  for (const r of await moreResults(q, type, new Set(first.map((p) => p.u)))) {
    out.push({
      url: r.url,
      title: titles.get(r.path) ?? r.title ?? r.path,
      type: r.type ?? '页面',
      excerptHtml: r.excerptHtml,
    });
  }
  return { results: out, partial: false, firstStage: first.length };
}

/**
 * Starts downloading the shards a query needs while the reader is still typing (during
 * the debounce), its own terms' and then its synonyms': the search that follows finds them loaded. Each file is fetched once
 * (load.ts), so nothing is downloaded twice; a failed download is retried by the search.
 */
export function prefetchShards(query: string): void {
  const q = query.trim();
  if (!q) return;
  loadHints()
    .then(async (h) => {
      const load = loadersFor(h);
      const own = shardsNeeded(q, h);
      const loaded = new Map(
        await Promise.all(own.map(async (i) => [i, await load.shard(i)] as const)),
      );
      // Then the shards of the site's words for the reader words among them: the second
      // round trip of the search, also done before the debounce ends.
      for (const i of synonymShardsNeeded(q, h, loaded)) load.shard(i).catch(() => {});
    })
    .catch(() => {});
}
