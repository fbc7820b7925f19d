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
export const TEXT_INDEX_VERSION = 2;

/** BM25 saturation (the usual default). */
const K1 = 1.2;
/**
 * BM25F fields: the weight of one occurrence in the field, relative to the page text,
 * and how much the field's length dampens it (b). Titles, keywords and glossary aliases
 * are what a page is about, so one occurrence there counts as several in the text.
 * Aliases of a glossary term count fully on the page that explains the term, less on
 * the articles it cites.
 */
export const FIELDS = {
  text: { weight: 1, b: 0.75 },
  title: { weight: 5, b: 0.3 },
  keywords: { weight: 4, b: 0.3 },
  aliases: { weight: 4, b: 0.3 },
  related: { weight: 1.5, b: 0.3 },
} as const;
export type FieldName = keyof typeof FIELDS;
/** Fields that say what a page is about (its "key" fields), as opposed to its text. */
const KEY_FIELDS: readonly FieldName[] = ['title', 'keywords', 'aliases'];
/**
 * Term weights are stored as small integers: round(BM25F term part × WEIGHT_SCALE) × 2,
 * plus 1 when the term is in one of the page's key fields.
 */
const WEIGHT_SCALE = 8;
/**
 * A term on more pages than this keeps only its best-weighted pages (the rest are pages
 * that merely mention a common word). Its true page count is kept for IDF. This keeps
 * every shard small at 10,000 pages, where 举报 or 怎么办 are on nearly every page.
 */
export const MAX_POSTINGS_PER_TERM = 1000;
/** Aim for about this many postings per shard (about 1.5 kB gzip): a query pays for its terms only. */
const POSTINGS_PER_SHARD = 600;
const MIN_SHARDS = 8;

export interface TextIndexDoc {
  /** The page's number: the id postings and page records refer to. */
  id: number;
  /** Plain text of the page body. */
  text: string;
  title?: string;
  /** Everyday words for the page (front matter `keywords`). */
  keywords?: readonly string[];
  /** Glossary terms and aliases of the terms this page explains. */
  aliases?: readonly string[];
  /** Glossary terms and aliases of the terms this page is cited for (an article). */
  related?: readonly string[];
}

/** One shard file: terms mapped to flat [id delta, weight × 2 + key, id delta, weight × 2 + key, …] lists. */
export interface TextShard {
  v: number;
  /** Number of pages in the index (for IDF). */
  n: number;
  t: Record<string, number[]>;
  /** True page counts of terms whose lists were cut to MAX_POSTINGS_PER_TERM. */
  d?: Record<string, number>;
}

/** What the search page needs to find shards and page records: carried in search-hints.json as `x`. */
export interface TextIndexManifest {
  v: number;
  /** Number of shards; shard i is at `${dir}/${i}.json`. */
  s: number;
  /** Folder of this build's shards and records, named by their content hash, relative to the site root. */
  dir: string;
  /** Number of pages; page ids are 0 … n-1. */
  n: number;
  /** Page records per block: the record of page id is in `${dir}/p${Math.floor(id / rb)}.json`. */
  rb: number;
  /** Page types as id ranges [type, first id, end id): pages are numbered type by type. */
  k: Array<[string, number, number]>;
  /** Page id of each law article by number (index 0 is article 1), for 第61条 and 61. */
  a: number[];
}

/** What the search page shows for a page, loaded in blocks for the results shown. */
export interface PageRecord {
  /** URL path without the base, e.g. /qa/how-to-report/ */
  u: string;
  /** Title */
  t: string;
  /** Type label: 法条, 问答, 举报, 宣传资料, 案例, 动态, 词语 */
  k: string;
  /** One-sentence description, shown as the snippet */
  d: string;
}

/** Records per block file: ten results scattered over the site cost at most ten small files. */
export const RECORDS_PER_BLOCK = 8;

/** Block file number of a page id. */
export const recordBlockOf = (id: number, perBlock: number) => Math.floor(id / perBlock);

/** The type of a page id, from the manifest's ranges. */
export function typeOfId(id: number, ranges: TextIndexManifest['k']): string | undefined {
  return ranges.find(([, from, to]) => id >= from && id < to)?.[0];
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
      for (let i = 0; i + 1 < chars.length; i++)
        out.push({ term: chars[i]! + chars[i + 1]!, from: offset + i, to: offset + i + 2 });
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
      for (let at = q.indexOf(word); at !== -1; at = q.indexOf(word, at + 1)) {
        // Offsets count characters, not UTF-16 units.
        const from = [...q.slice(0, at)].length;
        const to = from + [...word].length;
        for (const m of s.means) for (const t of textTerms(m)) out.push({ term: t.term, from, to });
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

/** Shards needed for a query, in ascending order. */
export function shardsForQuery(
  query: string,
  shards: number,
  synonyms: readonly Synonym[] = [],
): number[] {
  return [...new Set(queryTerms(query, synonyms).map((t) => shardOf(t.term, shards)))].sort(
    (a, b) => a - b,
  );
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
    if (!Number.isInteger(d.id) || d.id < 0)
      throw new Error(`text index: page id ${d.id} is not a non-negative integer`);
    if (ids.has(d.id)) throw new Error(`text index: page id ${d.id} appears twice`);
    ids.add(d.id);
  }
  const fieldsOf = (d: TextIndexDoc): Record<FieldName, QueryTerm[]> => ({
    text: textTerms(d.text),
    title: textTerms(d.title ?? ''),
    keywords: (d.keywords ?? []).flatMap((w) => textTerms(w)),
    aliases: (d.aliases ?? []).flatMap((w) => textTerms(w)),
    related: (d.related ?? []).flatMap((w) => textTerms(w)),
  });
  const names = Object.keys(FIELDS) as FieldName[];
  const perDoc = [...docs]
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const fields = fieldsOf(d);
      // Per term, its count in each field (in the order of `names`).
      const tf = new Map<string, number[]>();
      names.forEach((f, fi) => {
        for (const t of fields[f]) {
          let e = tf.get(t.term);
          if (!e) tf.set(t.term, (e = new Array<number>(names.length).fill(0)));
          e[fi]!++;
        }
      });
      return { id: d.id, lengths: names.map((f) => fields[f].length), tf };
    });
  const avg = names.map(
    (_, fi) => perDoc.reduce((s, d) => s + d.lengths[fi]!, 0) / Math.max(1, perDoc.length) || 1,
  );
  const params = names.map((f) => FIELDS[f]);
  const key = names.map((f) => KEY_FIELDS.includes(f));
  const postings = new Map<string, Array<[number, number]>>();
  let total = 0;
  for (const d of perDoc) {
    for (const [term, byField] of d.tf) {
      // BM25F: field frequencies, each weighted and length-normalised, summed, then saturated once.
      let f = 0;
      let inKey = 0;
      for (let fi = 0; fi < byField.length; fi++) {
        const n = byField[fi]!;
        if (!n) continue;
        const { weight, b } = params[fi]!;
        f += (weight * n) / (1 - b + (b * d.lengths[fi]!) / avg[fi]!);
        if (key[fi]) inKey = 1;
      }
      const weight =
        Math.max(1, Math.round(((f * (K1 + 1)) / (f + K1)) * WEIGHT_SCALE)) * 2 + inKey;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([d.id, weight]);
      total++;
    }
  }
  for (const list of postings.values()) total -= Math.max(0, list.length - MAX_POSTINGS_PER_TERM);
  const count = shardCount(total);
  const shards: TextShard[] = Array.from({ length: count }, () => ({
    v: TEXT_INDEX_VERSION,
    n: perDoc.length,
    t: {},
  }));
  // Sorted terms, so identical content gives identical files (and the same folder hash).
  for (const term of [...postings.keys()].sort()) {
    const flat: number[] = [];
    let prev = 0;
    let list = postings.get(term)!;
    if (list.length > MAX_POSTINGS_PER_TERM) {
      const shard = shards[shardOf(term, count)]!;
      (shard.d ??= {})[term] = list.length;
      list = [...list]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, MAX_POSTINGS_PER_TERM)
        .sort((a, b) => a[0] - b[0]);
    }
    for (const [id, w] of list) {
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
  /** The page's title, keywords or glossary words hold one of the query's rare terms. */
  rareKey: boolean;
}

/** A page is a result when its terms cover at least this share of the query… */
export const MIN_COVERAGE = 0.5;
/** …or when it contains at least two of the query's terms covering this share… */
export const MIN_COVERAGE_SEVERAL = 0.3;
/**
 * …or when its title, keywords or glossary words hold a query term that at most this
 * share of pages hold: an editor said the page is about that rare word (工地, 恶霸).
 */
export const RARE_KEY_TERM_SHARE = 0.05;
/**
 * A term found in a page's title, keywords or glossary words adds this many times its
 * IDF on top of its BM25F part: being about a word beats mentioning a rarer one.
 */
export const KEY_FIELD_BONUS = 1;
/**
 * Characters that make grammar rather than meaning (了, 他, 们, 会…). A bigram with one
 * of them (会来, 了他) is rare across pages by chance, not because it says much, so it
 * weighs this much of its IDF.
 */
export const FUNCTION_CHAR_WEIGHT = 0.3;
const FUNCTION_CHARS = new Set([
  ...'的了着过吗呢吧啊呀么我你他她它们这那个是在有就都也还又被把给让会能要想去来说不没很太怎啥谁哪咋里上下些点',
]);
/**
 * A page whose score is below this share of the best page's is a weak match: it shares
 * only common words with the query, and is left out rather than fill the first ten.
 */
export const WEAK_SCORE_SHARE = 0.25;

export interface SearchOptions {
  /** Every page with any term, unfiltered (diagnostics). */
  all?: boolean;
  synonyms?: readonly Synonym[];
}

/** How much a query term's IDF counts: less for a bigram with a grammar character. */
export function termWeight(term: string): number {
  const chars = [...term];
  return chars.length === 2 && chars.some((c) => FUNCTION_CHARS.has(c)) ? FUNCTION_CHAR_WEIGHT : 1;
}

/**
 * Ranks pages for a query from the shards it needs (BM25F over the query's terms: each
 * term weighs by its rarity, IDF, so the page holding the query's rarest words wins).
 * `shards` maps shard number to its content; a missing shard is an error, so a failed
 * download is never mistaken for "no results". A page must contain enough of the query
 * (MIN_COVERAGE, MIN_COVERAGE_SEVERAL) or be about one of its rare words
 * (RARE_KEY_TERM_SHARE): a query that shares one common word with a page (手机 in
 * 手机话费充值) is not about that page. And it must score at least WEAK_SCORE_SHARE of
 * the best page.
 */
export function searchTextIndex(
  query: string,
  shards: ReadonlyMap<number, TextShard>,
  shardTotal: number,
  opts: SearchOptions = {},
): TextMatch[] {
  const terms = queryTerms(query, opts.synonyms);
  if (terms.length === 0 || indexableLength(query) === 0) return [];
  // Coverage counts the query's meaning characters: grammar characters (了, 怎, 么, 我…)
  // need not be covered, so 怎么办 alone does not make a page about a question.
  const chars = [...indexableText(query)];
  const meaning = chars.map((c, i) => (FUNCTION_CHARS.has(c) ? -1 : i)).filter((i) => i >= 0);
  const counted = new Set(meaning.length ? meaning : chars.map((_, i) => i));
  const length = counted.size;
  const scores = new Map<
    number,
    { score: number; covered: Set<number>; terms: number; rareKey: boolean }
  >();
  const seen = new Set<string>();
  for (const qt of terms) {
    const shard = shards.get(shardOf(qt.term, shardTotal));
    if (!shard)
      throw new Error(
        `text index: shard ${shardOf(qt.term, shardTotal)} for “${qt.term}” was not loaded`,
      );
    if (shard.v !== TEXT_INDEX_VERSION)
      throw new Error(`text index: shard format ${shard.v}, expected ${TEXT_INDEX_VERSION}`);
    const flat = shard.t[qt.term];
    if (!flat) continue;
    const df = shard.d?.[qt.term] ?? flat.length / 2;
    const idf = Math.log(1 + (shard.n - df + 0.5) / (df + 0.5)) * termWeight(qt.term);
    const content = termWeight(qt.term) === 1;
    const rare = df <= Math.max(1, RARE_KEY_TERM_SHARE * shard.n) && content;
    const first = !seen.has(qt.term);
    seen.add(qt.term);
    let id = 0;
    for (let i = 0; i < flat.length; i += 2) {
      id += flat[i]!;
      const stored = flat[i + 1]!;
      const key = stored % 2 === 1;
      const entry = scores.get(id) ?? {
        score: 0,
        covered: new Set<number>(),
        terms: 0,
        rareKey: false,
      };
      // A term repeated in the query counts once towards the score, but covers each place.
      if (first) {
        entry.score += idf * (Math.floor(stored / 2) / WEIGHT_SCALE + (key ? KEY_FIELD_BONUS : 0));
        entry.terms++;
        if (key && rare) entry.rareKey = true;
      }
      for (let c = qt.from; c < qt.to; c++) if (counted.has(c)) entry.covered.add(c);
      scores.set(id, entry);
    }
  }
  const matches = [...scores]
    .map(([id, e]) => ({
      id,
      score: e.score,
      coverage: e.covered.size / length,
      terms: e.terms,
      rareKey: e.rareKey,
    }))
    .filter(
      (m) =>
        opts.all ||
        m.coverage >= MIN_COVERAGE ||
        (m.terms >= 2 && m.coverage >= MIN_COVERAGE_SEVERAL) ||
        m.rareKey,
    )
    .sort((a, b) => b.score - a.score || a.id - b.id);
  if (opts.all || matches.length === 0) return matches;
  const floor = matches[0]!.score * WEAK_SCORE_SHARE;
  return matches.filter((m) => m.score >= floor);
}
