/**
 * The first-stage full-text index: every indexed page's words as Chinese two-character
 * pieces (bigrams) and Latin or digit tokens, split into small shard files by a hash of
 * the term. A query downloads only the shards that hold its own terms, a few kB each,
 * whatever the size of the site.
 *
 * Why not pagefind for the first query: pagefind 1.6 splits its word index into chunks
 * of 20,000 postings (hard-coded in pagefind/src/index/mod.rs), about 28 kB gzip each,
 * ordered by word, and its WebAssembly is another 55 kB. A colloquial Chinese query is
 * many bigrams spread over the whole word range, so it loads most chunks: 180–300 kB for
 * the first query on this site, against a 120 kB budget (issue 8). No maintained
 * browser search library shards its index by term (lunr, MiniSearch and FlexSearch load
 * the whole index), so this small format is our own. Pagefind stays as the second
 * stage: full-text excerpts, on request.
 *
 * Pure: the build (src/integrations/pagefind.ts) feeds it the text pagefind extracted
 * from each page; the search page (src/client/search.ts) scores with it.
 */

/** Format version, written into every shard and checked by the reader. */
export const TEXT_INDEX_VERSION = 1;

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** Term weights are stored as small integers: round(bm25 term-frequency part × WEIGHT_SCALE). */
const WEIGHT_SCALE = 4;
/** Aim for about this many postings per shard (about 2 kB gzip). */
const POSTINGS_PER_SHARD = 1200;
const MIN_SHARDS = 8;

export interface TextIndexDoc {
  /** Position of the page in search-hints.json `pages`: the id postings refer to. */
  id: number;
  /** Plain text of the page body. */
  text: string;
}

/** One shard file: terms mapped to flat [id delta, weight, id delta, weight, …] lists. */
export interface TextShard {
  v: number;
  /** Number of pages in the index (for IDF). */
  n: number;
  t: Record<string, number[]>;
}

/** What the search page needs to find shards: carried in search-hints.json as `x`. */
export interface TextIndexManifest {
  v: number;
  /** Number of shards; shard i is at `${dir}/${i}.json`. */
  s: number;
  /** Folder of this build's shards, named by their content hash, relative to the site root. */
  dir: string;
}

export interface QueryTerm {
  term: string;
  /** Offsets in the query's indexable characters that the term covers. */
  from: number;
  to: number;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}]+|[a-z0-9]+/gu;

/**
 * The terms of a text: each run of Chinese characters as overlapping bigrams, each run
 * of Latin letters or digits as one token. Punctuation and spaces end a run, so no
 * bigram spans two sentences. A lone Chinese character between punctuation is skipped:
 * one-character queries are answered by the hints and by pagefind.
 */
export function textTerms(text: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const s = text.normalize('NFKC').toLowerCase();
  let offset = 0;
  for (const m of s.matchAll(WORD)) {
    const chars = [...m[0]];
    if (HAN.test(chars[0]!)) {
      for (let i = 0; i + 1 < chars.length; i++) out.push({ term: chars[i]! + chars[i + 1]!, from: offset + i, to: offset + i + 2 });
    } else out.push({ term: m[0], from: offset, to: offset + chars.length });
    offset += chars.length;
  }
  return out;
}

/**
 * Characters that split a separable word in speech: 受了伤, 报过警, 帮个忙. The query
 * also looks for the word without them (受伤, 报警), as the law and the answers write it.
 */
const SEPARATORS = new Set(['了', '过', '个', '着']);

/** The terms to look up for a query: its text terms, plus separable words joined up again. */
export function queryTerms(query: string): QueryTerm[] {
  const terms = textTerms(query);
  const out = [...terms];
  // Consecutive bigrams AB, BC with B a separator give the skip-bigram AC over A…C.
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    if (a.term.length !== 2 || b.term.length !== 2 || b.from !== a.from + 1 || a.to !== b.to - 1) continue;
    const [first, middle] = [...a.term];
    const last = [...b.term][1]!;
    if (SEPARATORS.has(middle!) && !SEPARATORS.has(first!) && !SEPARATORS.has(last)) out.push({ term: first! + last, from: a.from, to: b.to });
  }
  return out;
}

/** Number of characters a query's terms are drawn from (Chinese characters, letters, digits). */
export function indexableLength(text: string): number {
  let n = 0;
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(WORD)) n += [...m[0]].length;
  return n;
}

/** FNV-1a over UTF-16 code units: the same shard in Node and in every browser. */
export function shardOf(term: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Shards needed for a query, in ascending order. */
export function shardsForQuery(query: string, shards: number): number[] {
  return [...new Set(queryTerms(query).map((t) => shardOf(t.term, shards)))].sort((a, b) => a - b);
}

export function shardCount(postings: number): number {
  let s = MIN_SHARDS;
  while (s * POSTINGS_PER_SHARD < postings) s *= 2;
  return s;
}

/** Builds every shard. Ids must be unique; the order of `docs` does not matter. */
export function buildTextIndex(docs: readonly TextIndexDoc[]): TextShard[] {
  const ids = new Set<number>();
  for (const d of docs) {
    if (!Number.isInteger(d.id) || d.id < 0) throw new Error(`text index: page id ${d.id} is not a non-negative integer`);
    if (ids.has(d.id)) throw new Error(`text index: page id ${d.id} appears twice`);
    ids.add(d.id);
  }
  const perDoc = [...docs]
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const terms = textTerms(d.text);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
      return { id: d.id, length: terms.length, tf };
    });
  const avg = perDoc.reduce((s, d) => s + d.length, 0) / Math.max(1, perDoc.length);
  const postings = new Map<string, Array<[number, number]>>();
  let total = 0;
  for (const d of perDoc) {
    const norm = K1 * (1 - B + (B * d.length) / (avg || 1));
    for (const [term, f] of d.tf) {
      const weight = Math.max(1, Math.round(((f * (K1 + 1)) / (f + norm)) * WEIGHT_SCALE));
      const list = postings.get(term) ?? [];
      list.push([d.id, weight]);
      postings.set(term, list);
      total++;
    }
  }
  const count = shardCount(total);
  const shards: TextShard[] = Array.from({ length: count }, () => ({ v: TEXT_INDEX_VERSION, n: perDoc.length, t: {} }));
  // Sorted terms, so identical content gives identical files (and the same folder hash).
  for (const term of [...postings.keys()].sort()) {
    const flat: number[] = [];
    let prev = 0;
    for (const [id, w] of postings.get(term)!) {
      flat.push(id - prev, w);
      prev = id;
    }
    shards[shardOf(term, count)]!.t[term] = flat;
  }
  return shards;
}

export interface TextMatch {
  id: number;
  score: number;
  /** Share of the query's indexable characters covered by terms this page contains (0…1). */
  coverage: number;
  /** Number of the query's distinct terms the page contains. */
  terms: number;
}

/** A page is a result when its terms cover at least this share of the query… */
export const MIN_COVERAGE = 0.5;
/** …or when it contains at least two of the query's terms covering this share. */
export const MIN_COVERAGE_SEVERAL = 0.3;

/**
 * Ranks pages for a query from the shards it needs (BM25 over the query's terms).
 * `shards` maps shard number to its content; a missing shard is an error, so a failed
 * download is never mistaken for "no results". A page must contain enough of the query
 * (MIN_COVERAGE, MIN_COVERAGE_SEVERAL): a query that shares one common word with a page
 * (手机 in 手机话费充值) is not about that page. With `all`, every page with any term is
 * returned, for diagnostics.
 */
export function searchTextIndex(query: string, shards: ReadonlyMap<number, TextShard>, shardTotal: number, opts: { all?: boolean } = {}): TextMatch[] {
  const terms = queryTerms(query);
  const length = indexableLength(query);
  if (terms.length === 0 || length === 0) return [];
  const scores = new Map<number, { score: number; covered: Set<number>; terms: number }>();
  const seen = new Set<string>();
  for (const qt of terms) {
    const shard = shards.get(shardOf(qt.term, shardTotal));
    if (!shard) throw new Error(`text index: shard ${shardOf(qt.term, shardTotal)} for “${qt.term}” was not loaded`);
    if (shard.v !== TEXT_INDEX_VERSION) throw new Error(`text index: shard format ${shard.v}, expected ${TEXT_INDEX_VERSION}`);
    const flat = shard.t[qt.term];
    if (!flat) continue;
    const df = flat.length / 2;
    const idf = Math.log(1 + (shard.n - df + 0.5) / (df + 0.5));
    const first = !seen.has(qt.term);
    seen.add(qt.term);
    let id = 0;
    for (let i = 0; i < flat.length; i += 2) {
      id += flat[i]!;
      const entry = scores.get(id) ?? { score: 0, covered: new Set<number>(), terms: 0 };
      // A term repeated in the query counts once towards the score, but covers each place.
      if (first) {
        entry.score += (idf * flat[i + 1]!) / WEIGHT_SCALE;
        entry.terms++;
      }
      for (let c = qt.from; c < qt.to; c++) entry.covered.add(c);
      scores.set(id, entry);
    }
  }
  return [...scores]
    .map(([id, e]) => ({ id, score: e.score, coverage: e.covered.size / length, terms: e.terms }))
    .filter((m) => opts.all || m.coverage >= MIN_COVERAGE || (m.terms >= 2 && m.coverage >= MIN_COVERAGE_SEVERAL))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
