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
 * the first query on this site, against a 120 kB budget (tests/budgets/search.test.ts). No maintained
 * browser search library shards its index by term (lunr, MiniSearch and FlexSearch load
 * the whole index), so this small format is our own. Pagefind stays as the second
 * stage: full-text excerpts, on request.
 *
 * Pure: the build (src/integrations/pagefind.ts) feeds it the text pagefind extracted
 * from each page; the search page (src/client/search.ts) scores with it.
 */

import { shardOf, textTerms, type QueryTerm, type Synonym } from './terms.ts';

export * from './terms.ts';
export * from './match.ts';

/** Format version, written into every shard and checked by the reader. */
export const TEXT_INDEX_VERSION = 4;

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
/**
 * A glossary term's words on the pages that define it (the aliases field: the page that
 * explains the term, the articles quoted as its definition) add this many times the
 * term's IDF on top of the key-field bonus (match.ts). Many pages mention 黑恶势力; the
 * pages that say what 恶势力 is come first.
 */
export const DEFINES_BONUS = 1;
/** Fields that say what a page is about (its "key" fields), as opposed to its text. */
const KEY_FIELDS: readonly FieldName[] = ['title', 'keywords', 'aliases'];
/**
 * Term weights are stored as small integers: round(BM25F term part × WEIGHT_SCALE) × 4,
 * plus the term's level on the page (KEY_LEVEL): 1 when it is in one of the page's key
 * fields, 2 when the page defines it (the aliases field).
 */
export const KEY_LEVEL = { text: 0, key: 1, defines: 2 } as const;
export const WEIGHT_SCALE = 8;
/**
 * A term on more pages than this keeps only its best-weighted pages (the rest are pages
 * that merely mention a common word). Its true page count is kept for IDF. This keeps
 * every shard small at 10,000 pages, where 举报 or 怎么办 are on nearly every page.
 */
export const MAX_POSTINGS_PER_TERM = 1000;
/**
 * Aim for about this many postings per shard (about 1 kB gzip): a query pays for its
 * terms only. 600 made the longest questions' first download 74 kB at today's size.
 */
export const POSTINGS_PER_SHARD = 300;
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

/** One shard file: terms mapped to flat [id delta, weight × 4 + level, id delta, weight × 4 + level, …] lists. */
export interface TextShard {
  v: number;
  /** Number of pages in the index (for IDF). */
  n: number;
  t: Record<string, number[]>;
  /** True page counts of terms whose lists were cut to MAX_POSTINGS_PER_TERM. */
  d?: Record<string, number>;
  /**
   * Reader words of content/search-synonyms.yaml whose first term is this key, with the
   * site's words they stand for: [reader word, [site words]]. A query finds them in the
   * shards of its own terms, so no download carries the whole synonym list.
   */
  y?: Record<string, Array<[string, string[]]>>;
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

/**
 * Shards for a number of postings: about POSTINGS_PER_SHARD each. Any count works with
 * shardOf(); a power of two would jump from 64 to 128 shards at today's size, where 128
 * puts 离线保存's search data over 150 kB and 64 the longest question's first query over 70 kB.
 */
export function shardCount(postings: number): number {
  return Math.max(MIN_SHARDS, Math.ceil(postings / POSTINGS_PER_SHARD));
}

/** The term a reader word is filed under in the shards: its first term (撑腰 for 撑腰的人). */
export const synonymKey = (word: string): string | undefined => textTerms(word)[0]?.term;

/**
 * Builds every shard, with the synonyms filed under their reader words' first terms.
 * Ids must be unique; the order of `docs` does not matter.
 */
export function buildTextIndex(
  docs: readonly TextIndexDoc[],
  synonyms: readonly Synonym[] = [],
): TextShard[] {
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
  const aliasesField = names.indexOf('aliases');
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
      const level =
        byField[aliasesField]! > 0 ? KEY_LEVEL.defines : inKey ? KEY_LEVEL.key : KEY_LEVEL.text;
      const weight =
        Math.max(1, Math.round(((f * (K1 + 1)) / (f + K1)) * WEIGHT_SCALE)) * 4 + level;
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
  const filed = synonyms
    .flatMap((syn) => syn.words.map((w) => [synonymKey(w), w, [...syn.means]] as const))
    .filter((e): e is readonly [string, string, string[]] => e[0] !== undefined)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [key, word, means] of filed) {
    const shard = shards[shardOf(key, count)]!;
    ((shard.y ??= {})[key] ??= []).push([word, means]);
  }
  return shards;
}
