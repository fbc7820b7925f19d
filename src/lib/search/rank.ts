/**
 * The search page's first stage, as a pure function: which pages to show for a query,
 * best first. The loaders (shards, record blocks) are passed in, so the same code runs
 * in the browser (src/client/search/load.ts fetches them) and in unit tests (a small
 * hand-made index in memory).
 *
 * Rules, each with a unit test in tests/unit/search-rank.test.ts:
 *  1. An article number (第61条, 61条, or 61 alone) puts that article first.
 *  2. Pages are ranked by BM25F over titles, keywords, glossary aliases and text
 *     (src/lib/search/text-index.ts): a term weighs by how rare it is, so the page that
 *     holds the query's rarest words ranks above pages sharing only its common words.
 *  3. Reader words from content/search-synonyms.yaml also look for the site's words. The
 *     build files each reader word in the shard of its first term, so a query finds the
 *     ones it uses in the shards of its own terms, then loads the site's words' shards.
 *  4. Weak matches (too little of the query covered, or far below the best score) are
 *     left out rather than fill the first ten. Coverage counts meaning characters only:
 *     not grammar characters, not question words (多少, 如何), and on a large site not the
 *     characters of terms so common that their lists were cut (match.ts).
 *  6. The pages that define a glossary term (the Q&A that explains it, the articles its
 *     definition quotes) rank above pages that merely list the word (DEFINES_BONUS).
 *  5. Results are final once returned: the page shows them and only appends pagefind's
 *     full-text results below them on request, so nothing the reader saw moves.
 */
import { articleNumberOf, matchHints, type SearchHints } from './hints.ts';
import {
  recordBlockOf,
  searchTextIndex,
  shardOf,
  shardsForQuery,
  synonymsInShards,
  synonymTerms,
  typeOfId,
  type PageRecord,
  type TextShard,
} from './text-index.ts';

/** How many results the first stage shows. */
export const FIRST_RESULTS = 10;
/** In `astro dev` (no index) hint matches below this score are not shown. */
const DEV_HINT_MIN_SCORE = 100;

export interface SearchLoaders {
  /** Shard i of the text index. */
  shard(i: number): Promise<TextShard>;
  /** Page records of block b. */
  records(block: number): Promise<PageRecord[]>;
}

/** Page ids for a query, best first, from the shards it needs (pure, synchronous). */
export function rankIds(
  query: string,
  hints: SearchHints,
  shards: ReadonlyMap<number, TextShard>,
  type?: string,
): number[] {
  const x = hints.x;
  if (!x) return [];
  const out: number[] = [];
  const bare = query.replace(/[\s\p{P}\p{S}]+/gu, '');
  // 第61条, 六十一条, or a number on its own (61), which residents type from a poster.
  const article = articleNumberOf(bare) ?? (/^\d{1,3}$/.test(bare) ? Number(bare) : undefined);
  const articleId = article ? x.a[article - 1] : undefined;
  if (articleId !== undefined) out.push(articleId);
  const synonyms = synonymsInShards(query, shards, x.s);
  for (const m of searchTextIndex(query, shards, x.s, { synonyms }))
    if (m.id !== articleId) out.push(m.id);
  return type ? out.filter((id) => typeOfId(id, x.k) === type) : out;
}

/** The shards of a query's own terms: they also hold the synonyms it may use. */
export function shardsNeeded(query: string, hints: SearchHints): number[] {
  return hints.x ? shardsForQuery(query, hints.x.s) : [];
}

/**
 * The further shards a query needs once the shards of its own terms are loaded: those of
 * the site's words for the reader words it contains (content/search-synonyms.yaml).
 */
export function synonymShardsNeeded(
  query: string,
  hints: SearchHints,
  loaded: ReadonlyMap<number, TextShard>,
): number[] {
  const x = hints.x;
  if (!x) return [];
  const terms = synonymTerms(query, synonymsInShards(query, loaded, x.s));
  return [...new Set(terms.map((t) => shardOf(t.term, x.s)))]
    .filter((i) => !loaded.has(i))
    .sort((a, b) => a - b);
}

/**
 * The first results for a query: at most FIRST_RESULTS page records, best first.
 * Downloads the query's shards, then only the record blocks of the pages shown.
 */
export async function firstResults(
  query: string,
  hints: SearchHints,
  load: SearchLoaders,
  type?: string,
): Promise<PageRecord[]> {
  const q = query.trim();
  if (!q) return [];
  const x = hints.x;
  if (!x) {
    // `astro dev`: no index was built, the hints still list every page.
    const pages = new Map((hints.pages ?? []).map((p) => [p.u, p]));
    return matchHints(q, hints)
      .filter((m) => m.score >= DEV_HINT_MIN_SCORE)
      .map((m) => pages.get(m.u))
      .filter((p): p is NonNullable<typeof p> => !!p && (!type || p.k === type))
      .slice(0, FIRST_RESULTS);
  }
  const need = shardsNeeded(q, hints);
  const shards = new Map(
    await Promise.all(need.map(async (i) => [i, await load.shard(i)] as const)),
  );
  // A reader word in the query: the shards of the site's words it stands for.
  for (const [i, shard] of await Promise.all(
    synonymShardsNeeded(q, hints, shards).map(async (i) => [i, await load.shard(i)] as const),
  ))
    shards.set(i, shard);
  const ids = rankIds(q, hints, shards, type).slice(0, FIRST_RESULTS);
  const blocks = [...new Set(ids.map((id) => recordBlockOf(id, x.rb)))];
  const loaded = new Map(
    await Promise.all(blocks.map(async (b) => [b, await load.records(b)] as const)),
  );
  return ids.map((id) => {
    const rec = loaded.get(recordBlockOf(id, x.rb))?.[id % x.rb];
    if (!rec) throw new Error(`search: no record for page ${id}`);
    return rec;
  });
}

/**
 * What a query's first download holds besides the page and the hints: its shards, and
 * the record blocks of the results shown. Budget tests and the scale benchmark compute
 * every query's first download from the file sizes with it.
 */
export function firstDownload(
  query: string,
  hints: SearchHints,
  shard: (i: number) => TextShard,
  type?: string,
): { shards: number[]; blocks: number[] } {
  const x = hints.x;
  if (!x || !query.trim()) return { shards: [], blocks: [] };
  const first = shardsNeeded(query.trim(), hints);
  const loaded = new Map(first.map((i) => [i, shard(i)]));
  for (const i of synonymShardsNeeded(query.trim(), hints, loaded)) loaded.set(i, shard(i));
  const shards = [...loaded.keys()].sort((a, b) => a - b);
  const ids = rankIds(query.trim(), hints, loaded, type).slice(0, FIRST_RESULTS);
  return {
    shards,
    blocks: [...new Set(ids.map((id) => recordBlockOf(id, x.rb)))].sort((a, b) => a - b),
  };
}
