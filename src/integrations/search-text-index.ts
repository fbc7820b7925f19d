import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkSynonyms } from '../lib/content/search-synonyms.ts';
import { formatProblem } from '../lib/errors/error-map.ts';
import type { SearchHints } from '../lib/search/hints.ts';
import { FILES, lawArticlePath, SEARCH_INDEX_DIR } from '../lib/routes.ts';
import {
  buildTextIndex,
  RECORDS_PER_BLOCK,
  TEXT_INDEX_VERSION,
  type PageRecord,
  type Synonym,
  type TextIndexDoc,
  type TextIndexManifest,
} from '../lib/search/text-index.ts';

/** A page as pagefind extracted it: its URL path and the text of its data-pagefind-body. */
export interface ExtractedPage {
  url: string;
  text: string;
}

const SIGNATURE = 'pagefind_dcd';

/**
 * Reads pagefind's fragment files (gzip of "pagefind_dcd" + JSON) from `index.getFiles()`.
 * Pagefind separates the words it segmented with U+200B; those are removed again.
 */
export function pagesFromFragments(
  files: ReadonlyArray<{ path: string; content: Uint8Array }>,
): ExtractedPage[] {
  return files
    .filter((f) => f.path.endsWith('.pf_fragment'))
    .map((f) => {
      const raw = gunzipSync(f.content).toString('utf8');
      if (!raw.startsWith(SIGNATURE))
        throw new Error(
          `pagefind fragment ${f.path} has an unknown format (pagefind was updated?)`,
        );
      const data = JSON.parse(raw.slice(SIGNATURE.length)) as { url?: unknown; content?: unknown };
      if (typeof data.url !== 'string' || typeof data.content !== 'string')
        throw new Error(`pagefind fragment ${f.path} has no url or content`);
      return { url: data.url, text: data.content.replace(/\u200b/g, '') };
    });
}

export interface TextIndexOptions {
  /** The hints as the page endpoint wrote them (with every page); read from dist/ when absent. */
  hints?: SearchHints;
  /** Index these page paths only (the pages 离线保存 keeps). */
  only?: ReadonlySet<string>;
  /** Where to write the hints, relative to the output folder (default search-hints.json). */
  hintsFile?: string;
}

/**
 * What the index was built from in this build, kept for the service-worker integration,
 * which builds a second, smaller index when 离线保存 keeps only some pages. Both
 * integrations run in the one `astro build` process.
 */
export interface IndexInput {
  hints: SearchHints;
  pages: readonly ExtractedPage[];
  synonyms?: { file: string; source: string };
}
let lastInput: IndexInput | undefined;
export const rememberIndexInput = (input: IndexInput | undefined) => {
  lastInput = input;
};
export const indexInputOfThisBuild = (): IndexInput | undefined => lastInput;

/** Thrown when content/search-synonyms.yaml has a problem: the message names file and line. */
export class SearchDataError extends Error {}

/**
 * Writes the first-stage search index (src/lib/search/text-index.ts) into dist/ and
 * rewrites dist/search-hints.json, which the search page loads first, so that it no
 * longer lists pages:
 *  - pages are numbered type by type (so a type filter is an id range) and indexed with
 *    their title, keywords, glossary aliases and text (BM25F fields);
 *  - their records (title, type, description) go into blocks of RECORDS_PER_BLOCK, loaded
 *    only for the results shown;
 *  - search-hints.json keeps the glossary terms (suggestions), the synonyms and the
 *    manifest: its size does not depend on the number of pages.
 * Every page pagefind indexed must be in the hints (a page that is not fails the build
 * instead of being unsearchable). `synonyms` is the text of content/search-synonyms.yaml.
 */
export function writeTextIndex(
  outDir: string,
  pages: readonly ExtractedPage[],
  synonyms?: { file: string; source: string },
  opts: TextIndexOptions = {},
): { shards: number; dir: string; pages: number; blocks: number } {
  const hintsFile = join(outDir, opts.hintsFile ?? FILES.searchHints);
  const source =
    opts.hints ??
    (JSON.parse(readFileSync(join(outDir, FILES.searchHints), 'utf8')) as SearchHints);
  if (!source.pages)
    throw new Error('search: search-hints.json has no pages (was the index written twice?)');
  const only = opts.only;
  const hints: SearchHints = only
    ? { ...source, pages: source.pages.filter((p) => only.has(p.u)) }
    : source;
  if (only) pages = pages.filter((p) => only.has(p.url));
  if (!hints.pages) throw new Error('search: no pages');
  const order = [...new Set(hints.pages.map((p) => p.k))];
  const sorted = hints.pages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order.indexOf(a.p.k) - order.indexOf(b.p.k) || a.i - b.i)
    .map((x) => x.p);
  const ids = new Map(sorted.map((p, i) => [p.u, i]));
  const texts = new Map<string, string>();
  const missing: string[] = [];
  // Pagefind's URLs are paths inside dist/, without the site's base path, like the hints.
  for (const p of pages) {
    if (!ids.has(p.url)) missing.push(p.url);
    texts.set(p.url, p.text);
  }
  if (missing.length) {
    throw new Error(
      `search: ${missing.length} indexed page(s) are missing from search-hints.json (src/data/search-hints.ts), so search could not name them: ${missing.join(', ')}`,
    );
  }
  // Glossary terms: their words are aliases of the pages that define them (the page that
  // explains the term, the articles quoted as its definition), and related words of the
  // other articles they cite.
  const aliases = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  for (const term of hints.terms) {
    const words = [term.t, ...term.a];
    const defining = Math.max(1, term.d ?? 1);
    term.p.slice(0, Math.max(3, defining)).forEach((u, i) => {
      const into = i < defining ? aliases : related;
      into.set(u, [...(into.get(u) ?? []), ...words]);
    });
  }
  const docs: TextIndexDoc[] = sorted.map((p, id) => ({
    id,
    text: texts.get(p.u) ?? '',
    title: p.t,
    keywords: p.w,
    aliases: aliases.get(p.u),
    related: related.get(p.u),
  }));

  let syn: Synonym[] = [];
  if (synonyms) {
    // A word occurs when some page holds it in its title, keywords, glossary words or text.
    const haystack = only
      ? ''
      : docs
          .map((d) => [d.title, ...(d.keywords ?? []), ...(d.aliases ?? []), d.text].join('\n'))
          .join('\n');
    // The index of part of the site (离线保存) takes the synonyms as they are: the whole
    // site's index has checked them, and a site word on unsaved pages only is no error.
    const result = checkSynonyms(synonyms.file, synonyms.source, (w) =>
      only ? true : haystack.includes(w),
    );
    if (result.problems.length)
      throw new SearchDataError(result.problems.map(formatProblem).join('\n'));
    syn = result.synonyms;
  }

  const shards = buildTextIndex(docs, syn).map((s) => JSON.stringify(s));
  const records: PageRecord[] = sorted.map(({ u, t, k, d }) => ({ u, t, k, d }));
  const blocks: string[] = [];
  for (let i = 0; i < records.length; i += RECORDS_PER_BLOCK)
    blocks.push(JSON.stringify(records.slice(i, i + RECORDS_PER_BLOCK)));
  const hash = createHash('sha256');
  for (const s of [...shards, ...blocks]) hash.update(s).update('\0');
  // A new folder whenever the content changes, so the files can be cached as immutable.
  const dir = `${SEARCH_INDEX_DIR}${hash.digest('hex').slice(0, 10)}`;
  mkdirSync(join(outDir, dir), { recursive: true });
  shards.forEach((s, i) => writeFileSync(join(outDir, dir, `${i}.json`), s));
  blocks.forEach((s, i) => writeFileSync(join(outDir, dir, `p${i}.json`), s));
  const ranges: TextIndexManifest['k'] = order.map((k) => {
    const from = sorted.findIndex((p) => p.k === k);
    return [k, from, from + sorted.filter((p) => p.k === k).length];
  });
  const articles: number[] = [];
  for (let n = 1; ids.has(lawArticlePath(n)); n++) articles.push(ids.get(lawArticlePath(n))!);
  const manifest: TextIndexManifest = {
    v: TEXT_INDEX_VERSION,
    s: shards.length,
    dir,
    n: sorted.length,
    rb: RECORDS_PER_BLOCK,
    k: ranges,
    a: articles,
  };
  const out: SearchHints = {
    terms: hints.terms.map(({ t, a }) => ({ t, a, p: [] })),
    x: manifest,
  };
  writeFileSync(hintsFile, JSON.stringify(out));
  return { shards: shards.length, dir, pages: docs.length, blocks: blocks.length };
}

/** The folders pagefind has to read: those holding the pages search lists (not posters or short links). */
export function indexedGlob(outDir: string): string {
  const hints = JSON.parse(readFileSync(join(outDir, 'search-hints.json'), 'utf8')) as SearchHints;
  const tops = [
    ...new Set((hints.pages ?? []).map((p) => p.u.split('/')[1]).filter(Boolean)),
  ].sort();
  return tops.length ? `{${tops.join(',')}}/**/*.html` : '**/*.html';
}
