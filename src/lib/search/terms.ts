/**
 * Query and index terms, shared by the index build and the search page: Chinese text as
 * two-character pieces (bigrams), Latin letters and digits as tokens, reader words mapped
 * to the site's words (content/search-synonyms.yaml), and the shard a term lives in.
 * Split from text-index.ts (the index format, build and matching), which re-exports it.
 */
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
      for (let i = 0; i + 1 < chars.length; i++)
        out.push({ term: chars[i]! + chars[i + 1]!, from: offset + i, to: offset + i + 2 });
    } else out.push({ term: m[0], from: offset, to: offset + chars.length });
    offset += chars.length;
  }
  return out;
}

/**
 * Characters that split a separable word in speech: 受了伤, 报过警, 帮个忙, 给点钱. The
 * query also looks for the word without them (受伤, 报警), as the law and the answers
 * write it, and a reader word of the synonyms matches with one of them inside.
 */
const SEPARATORS = new Set(['了', '过', '个', '着', '点']);

const spaced = new Map<string, RegExp>();
/** A word whose characters may have one separator character between them. */
function spacedWord(word: string): RegExp {
  let re = spaced.get(word);
  if (!re) {
    const sep = `[${[...SEPARATORS].join('')}]?`;
    const chars = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(chars.join(sep), 'gu');
    spaced.set(word, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Reader words and the words the site uses for them (content/search-synonyms.yaml). */
export interface Synonym {
  /** What readers type: 帮警察. */
  words: readonly string[];
  /** What the site writes: 协助. */
  means: readonly string[];
}

/** The indexable characters of a text (Chinese characters, letters, digits), as one string. */
export function indexableText(text: string): string {
  return [...text.normalize('NFKC').toLowerCase().matchAll(WORD)].map((m) => m[0]).join('');
}

/**
 * Terms of the site's words for each reader word found in the query. Each covers the
 * reader word's place in the query, so a page that uses the site's word covers it.
 */
export function synonymTerms(query: string, synonyms: readonly Synonym[]): QueryTerm[] {
  if (synonyms.length === 0) return [];
  const chars = [...indexableText(query)];
  const q = chars.join('');
  const out: QueryTerm[] = [];
  for (const s of synonyms) {
    for (const w of s.words) {
      const word = indexableText(w);
      if (!word) continue;
      // The reader word as written, or split by one separator character (给点钱 for 给钱).
      for (const m of q.matchAll(spacedWord(word))) {
        // Offsets count characters, not UTF-16 units.
        const from = [...q.slice(0, m.index)].length;
        const to = from + [...m[0]].length;
        for (const x of s.means) for (const t of textTerms(x)) out.push({ term: t.term, from, to });
      }
    }
  }
  return out;
}

/**
 * The terms to look up for a query: its text terms, separable words joined up again,
 * and the terms of the site's words for any reader word it contains (synonyms).
 */
export function queryTerms(query: string, synonyms: readonly Synonym[] = []): QueryTerm[] {
  const terms = textTerms(query);
  const out = [...terms];
  // Consecutive bigrams AB, BC with B a separator give the skip-bigram AC over A…C.
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    if (a.term.length !== 2 || b.term.length !== 2 || b.from !== a.from + 1 || a.to !== b.to - 1)
      continue;
    const [first, middle] = [...a.term];
    const last = [...b.term][1]!;
    if (SEPARATORS.has(middle!) && !SEPARATORS.has(first!) && !SEPARATORS.has(last))
      out.push({ term: first! + last, from: a.from, to: b.to });
  }
  out.push(...synonymTerms(query, synonyms));
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

/**
 * The synonyms a query uses, read from the shards of its own terms (where the build filed
 * each reader word under its first term): the reader words the query contains, as
 * written or with a separator inside.
 */
export function synonymsInShards(
  query: string,
  shards: ReadonlyMap<number, { y?: Record<string, Array<[string, string[]]>> }>,
  shardTotal: number,
): Synonym[] {
  const q = indexableText(query);
  const out: Synonym[] = [];
  const seen = new Set<string>();
  for (const t of queryTerms(query)) {
    for (const [word, means] of shards.get(shardOf(t.term, shardTotal))?.y?.[t.term] ?? []) {
      // The same reader word may stand for different site words in two entries: keep both.
      const key = `${word}\0${means.join('\0')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const w = indexableText(word);
      if (w && spacedWord(w).test(q)) out.push({ words: [word], means });
    }
  }
  return out;
}

/** Shards needed for a query, in ascending order. */
export function shardsForQuery(query: string, shards: number): number[] {
  // Synonyms are not needed here: they are filed in the shards of the query's own terms.
  return [...new Set(queryTerms(query).map((t) => shardOf(t.term, shards)))].sort((a, b) => a - b);
}
