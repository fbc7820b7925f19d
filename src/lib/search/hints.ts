import { fromChineseNumeral } from '../law/numerals.ts';
import { lawArticlePath } from '../routes.ts';
import type { TextIndexManifest } from './text-index.ts';

/**
 * Search hints: a small index of page titles, colloquial keywords and glossary
 * aliases, shipped as /search-hints.json and loaded first by the search page.
 * Full-text ranking goes by the words on a page; residents type words that may never
 * appear there (保护伞, 村霸) or that appear everywhere (举报). The hints put the pages
 * that are about the reader's words first; the text index's results follow.
 */

export interface HintPage {
  /** URL path without the base, e.g. /qa/how-to-report/ */
  u: string;
  /** Title */
  t: string;
  /** Type label: 法条, 问答, 举报, 宣传资料, 案例, 动态, 词语 */
  k: string;
  /** One-sentence description, shown as the snippet */
  d: string;
  /** Everyday words for the page */
  w: string[];
}

export interface HintTerm {
  /** Glossary term */
  t: string;
  /** Aliases */
  a: string[];
  /** Pages that explain it, most specific first */
  p: string[];
  /**
   * How many of the first pages define the term (the page that explains it, and the
   * articles of this law whose words the glossary quotes as its definition): search
   * treats the term's words as what those pages are about. Default 1.
   */
  d?: number;
}

/**
 * /search-hints.json. As the page endpoint writes it (src/pages/search-hints.json.ts) it
 * lists every page; the build (src/integrations/search-text-index.ts) moves the pages into
 * the text index and its record blocks and adds `x`, so the file the search page loads
 * does not grow with the number of pages. Only `astro dev`, which has no index, keeps `pages`.
 */
export interface SearchHints {
  pages?: HintPage[];
  /** Glossary terms, for the "did you mean" suggestions. */
  terms: HintTerm[];
  /** Where the build put the text index. */
  x?: TextIndexManifest;
}

export interface HintMatch {
  u: string;
  score: number;
}

/** Removes spaces and punctuation, so 保护伞？ and 保护伞 match. */
export function normaliseQuery(q: string): string {
  return q.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

export function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** Share of the query's bigrams that also occur in the text (0…1). */
export function bigramOverlap(query: string, text: string): number {
  const q = bigrams(query);
  if (q.length === 0) return 0;
  const t = new Set(bigrams(text));
  return q.filter((b) => t.has(b)).length / q.length;
}

const ARTICLE_RE = /(?:^|第)([0-9]{1,2}|[一二三四五六七八九十]{1,3})条/;
/** 条文61, 法条 61 (the word first, as on a list of provisions). */
const ARTICLE_AFTER_RE =
  /(?:条文|法条)第?([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9一二三四五六七八九十])/;

/** 第六十一条, 第61条, 61条, 反有组织犯罪法第69条, 条文61 → the article number. */
export function articleNumberOf(query: string): number | undefined {
  const m = ARTICLE_RE.exec(query) ?? ARTICLE_AFTER_RE.exec(query);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : safeNumeral(m[1]!);
  return n && n >= 1 && n <= 77 ? n : undefined;
}

function safeNumeral(s: string): number | undefined {
  try {
    return fromChineseNumeral(s);
  } catch {
    return undefined;
  }
}

/** Share of the query's characters covered by the listed words that occur in it (0…1). */
function coverage(q: string, words: readonly string[]): number {
  const covered = new Array<boolean>(q.length).fill(false);
  for (const w of words) {
    if (w.length < 2) continue;
    for (let i = q.indexOf(w); i !== -1; i = q.indexOf(w, i + 1))
      covered.fill(true, i, i + w.length);
  }
  return covered.filter(Boolean).length / q.length;
}

/**
 * Scores pages against a query using titles, keywords and glossary aliases:
 * an exact word beats a title that contains the query, which beats a query that
 * contains several of the page's words, which beats one that contains a few.
 */
export function matchHints(rawQuery: string, hints: SearchHints): HintMatch[] {
  const q = normaliseQuery(rawQuery);
  const scores = new Map<string, number>();
  const add = (u: string, s: number) => scores.set(u, Math.max(scores.get(u) ?? 0, Math.round(s)));
  if (!q) return [];

  const article = articleNumberOf(q);
  if (article) add(lawArticlePath(article), 1000);

  const len = [...q].length;
  for (const term of hints.terms) {
    const words = [term.t, ...term.a].map(normaliseQuery).filter(Boolean);
    let s = 0;
    if (words.includes(q)) s = 300;
    else if (len >= 2 && words.some((w) => w.includes(q))) s = 120;
    const cov = coverage(q, words);
    if (cov > 0) s = Math.max(s, 100 + 150 * cov);
    if (!s) continue;
    // The page that explains the term first, then the article that defines or
    // covers it (the law's own words), then at most one more article, lower.
    term.p.slice(0, 3).forEach((u, i) => add(u, i === 0 ? s : i === 1 ? s - 20 : s * 0.6));
  }

  for (const page of hints.pages ?? []) {
    const title = normaliseQuery(page.t);
    const words = page.w.map(normaliseQuery).filter(Boolean);
    let s = 0;
    if (title === q || words.includes(q)) s = 300;
    else if (len >= 2 && title.includes(q)) s = 220;
    else if (len >= 2 && words.some((w) => w.includes(q))) s = 110;
    const cov = coverage(q, [title, ...words]);
    if (cov > 0) s = Math.max(s, 100 + 150 * cov);
    const overlap = len >= 4 ? bigramOverlap(q, title) : 0;
    if (overlap >= 0.5) s = Math.max(s, 100 + 100 * overlap);
    // Among equal matches, the page whose title is mostly the query is the more specific.
    if (s) add(page.u, s + (title.includes(q) ? (20 * len) / [...title].length : 0));
  }
  return [...scores]
    .map(([u, score]) => ({ u, score }))
    .sort((a, b) => b.score - a.score || a.u.localeCompare(b.u));
}

/**
 * A pagefind excerpt is a weak match when every highlighted run is a single
 * character of a longer query (二维码 matching on 二): such results are dropped.
 */
export function isWeakExcerpt(excerptHtml: string, rawQuery: string): boolean {
  const q = normaliseQuery(rawQuery);
  if ([...q].length < 2) return false;
  const wanted = new Set(bigrams(q));
  // Pagefind marks each segmented word on its own (<mark>举</mark><mark>报</mark>): join neighbours.
  const joined = excerptHtml.replace(/<\/mark>(\s*)<mark>/g, '$1');
  const marks = [...joined.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => normaliseQuery(m[1]!));
  // A highlight counts when it shares two consecutive characters with the query;
  // pagefind's prefix matching otherwise marks 预防 for the 预 of 天气预报.
  return !marks.some((m) => bigrams(m).some((b) => wanted.has(b)));
}

/** Glossary terms nearest a query, for the "did you mean" suggestions. */
export function nearestTerms(rawQuery: string, hints: SearchHints, max = 5): HintTerm[] {
  const q = normaliseQuery(rawQuery);
  if (!q) return [];
  const chars = new Set([...q]);
  return hints.terms
    .map((t) => {
      const words = [t.t, ...t.a].map(normaliseQuery);
      const best = Math.max(
        ...words.map(
          (w) =>
            bigramOverlap(q, w) * 2 + [...w].filter((c) => chars.has(c)).length / [...w].length,
        ),
      );
      return { t, best };
    })
    .filter((x) => x.best > 0.3)
    .sort((a, b) => b.best - a.best)
    .slice(0, max)
    .map((x) => x.t);
}
