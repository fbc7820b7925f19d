/**
 * Matching and scoring over the term-sharded index (text-index.ts): which pages a query's
 * terms reach in the shards it downloaded, their BM25F scores, and the named thresholds
 * that keep weak matches out of the first results. Pure, like the index itself.
 */

import {
  indexableLength,
  indexableText,
  queryTerms,
  shardOf,
  type QueryTerm,
  type Synonym,
} from './terms.ts';
import {
  DEFINES_BONUS,
  KEY_LEVEL,
  TEXT_INDEX_VERSION,
  WEIGHT_SCALE,
  type TextShard,
} from './text-index.ts';

export interface TextMatch {
  id: number;
  score: number;
  /** Share of the query's indexable characters covered by terms this page contains (0…1). */
  coverage: number;
  /** Number of the query's distinct meaning terms (not grammar or question words) the page contains. */
  terms: number;
  /** The best share of one clause of the query (parts between spaces or punctuation) the page covers. */
  clauseCoverage: number;
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
 * The key-field and defining bonuses use at least this IDF (that of a term on about 60 %
 * of pages): a page about 有组织犯罪 still ranks first for it on a site where every page
 * names the law, whose IDF is nearly 0.
 */
export const KEY_IDF_FLOOR = 0.5;
/**
 * Characters that make grammar rather than meaning (了, 他, 们, 会…). A bigram with one
 * of them (会来, 了他) is rare across pages by chance, not because it says much, so it
 * weighs this much of its IDF.
 */
export const FUNCTION_CHAR_WEIGHT = 0.3;
const FUNCTION_CHARS = new Set([
  ...'的了着过吗呢吧啊呀么我你他她它们这那个是在有就都也还又被把给让会能要想去来说不没很太怎啥谁哪咋里上下些点俺咱',
]);
/**
 * Question words made of meaning characters (多少, 如何, 可以…): they ask, they do not say
 * what about. They weigh like a grammar bigram, and their characters need not be covered.
 */
const QUESTION_WORDS = new Set([
  '多少',
  '如何',
  '为何',
  '可以',
  '是否',
  '应该',
  '需要',
  '时候',
  '几年',
  '几天',
]);
/**
 * A page about one of the query's rare words (RARE_KEY_TERM_SHARE) must still cover at
 * least this share of the query, or MIN_COVERAGE of one of its clauses: one shared word
 * in a long question about something else (老板 in 老板拖欠工资去哪里要) is not enough.
 */
export const RARE_KEY_MIN_COVERAGE = 0.3;
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

/**
 * Query characters covered only by terms whose posting lists were cut (on more than
 * MAX_POSTINGS_PER_TERM pages), and by no other term the index holds.
 */
function commonPositions(
  terms: readonly QueryTerm[],
  shards: ReadonlyMap<number, TextShard>,
  shardTotal: number,
): Set<number> {
  const cut = new Set<number>();
  const other = new Set<number>();
  for (const qt of terms) {
    const shard = shards.get(shardOf(qt.term, shardTotal));
    if (!shard?.t[qt.term]) continue;
    const into = shard.d?.[qt.term] !== undefined ? cut : other;
    for (let c = qt.from; c < qt.to; c++) into.add(c);
  }
  return new Set([...cut].filter((c) => !other.has(c)));
}

/**
 * The query's clauses, as offsets into its indexable characters: the parts a reader
 * separated with spaces or punctuation (村里换届 有人挨家挨户吓唬人). A page about a rare
 * word that covers one clause well answers that part of the question.
 */
export function clausesOf(query: string): number[][] {
  const s = query.normalize('NFKC').toLowerCase();
  const out: number[][] = [];
  let offset = 0;
  let end = 0;
  for (const m of s.matchAll(/[\p{Script=Han}]+|[a-z0-9]+/gu)) {
    const len = [...m[0]].length;
    const gap = s.slice(end, m.index);
    if (!out.length || /[\s\p{P}\p{S}]/u.test(gap)) out.push([]);
    for (let i = 0; i < len; i++) out.at(-1)!.push(offset + i);
    offset += len;
    end = m.index + m[0].length;
  }
  return out;
}

/** How much a query term's IDF counts: less for a bigram with a grammar character. */
export function termWeight(term: string): number {
  const chars = [...term];
  return chars.length === 2 &&
    (chars.some((c) => FUNCTION_CHARS.has(c)) || QUESTION_WORDS.has(term))
    ? FUNCTION_CHAR_WEIGHT
    : 1;
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
  const asking = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++)
    if (QUESTION_WORDS.has(chars[i]! + chars[i + 1]!)) asking.add(i).add(i + 1);
  const meaning = chars
    .map((c, i) => (FUNCTION_CHARS.has(c) || asking.has(i) ? -1 : i))
    .filter((i) => i >= 0);
  let counted = new Set(meaning.length ? meaning : chars.map((_, i) => i));
  // On a large site a very common term keeps only its best pages (MAX_POSTINGS_PER_TERM),
  // so a page that holds it may not be listed: its characters say little about the topic
  // anyway, and are left out of coverage (村委会 on 10,000 pages, in 村委会选举有人拉票).
  const common = commonPositions(terms, shards, shardTotal);
  if (common.size) {
    const rest = new Set([...counted].filter((c) => !common.has(c)));
    if (rest.size) counted = rest;
  }
  const length = counted.size;
  const clauses = clausesOf(query)
    .map((c) => c.filter((i) => counted.has(i)))
    .filter((c) => c.length >= 2);
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
    // Being about a word counts even when the word is everywhere (有组织犯罪 on every page).
    const keyIdf = Math.max(idf, KEY_IDF_FLOOR * termWeight(qt.term));
    const rare = df <= Math.max(1, RARE_KEY_TERM_SHARE * shard.n) && content;
    const first = !seen.has(qt.term);
    seen.add(qt.term);
    let id = 0;
    for (let i = 0; i < flat.length; i += 2) {
      id += flat[i]!;
      const stored = flat[i + 1]!;
      const level = stored % 4;
      const key = level !== KEY_LEVEL.text;
      const entry = scores.get(id) ?? {
        score: 0,
        covered: new Set<number>(),
        terms: 0,
        rareKey: false,
      };
      // A term repeated in the query counts once towards the score, but covers each place.
      if (first) {
        const bonus =
          (key ? KEY_FIELD_BONUS : 0) + (level === KEY_LEVEL.defines ? DEFINES_BONUS : 0);
        entry.score += idf * (Math.floor(stored / 4) / WEIGHT_SCALE) + keyIdf * bonus;
        // Only meaning terms count towards "several terms": 怎么 and 多少 say nothing of the topic.
        if (content) entry.terms++;
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
      clauseCoverage: Math.max(
        0,
        ...clauses.map((c) => c.filter((i) => e.covered.has(i)).length / c.length),
      ),
      terms: e.terms,
      rareKey: e.rareKey,
    }))
    .filter(
      (m) =>
        opts.all ||
        m.coverage >= MIN_COVERAGE ||
        (m.terms >= 2 && m.coverage >= MIN_COVERAGE_SEVERAL) ||
        (m.rareKey &&
          (m.terms >= 2 ||
            m.coverage >= RARE_KEY_MIN_COVERAGE ||
            (clauses.length >= 2 && m.clauseCoverage >= MIN_COVERAGE))),
    )
    .sort((a, b) => b.score - a.score || a.id - b.id);
  if (opts.all || matches.length === 0) return matches;
  const floor = matches[0]!.score * WEAK_SCORE_SHARE;
  return matches.filter((m) => m.score >= floor);
}
