/**
 * Every path of the site, in one place: the page of each law article, Q&A, case, news
 * item, material and poster, the short links, the pages that exist without a content
 * file, the build's output folders, and how a path gets the deployment's base path
 * (https://host/pufa/ puts every page under /pufa/).
 *
 * Paths here are site paths: they start and end with "/" and leave the base path out
 * (/law/61/, never /pufa/law/61/). href() and joinBase() add it; absoluteUrl() makes a
 * full address on the configured site address.
 *
 * Pure and free of Astro and Vite, so Node scripts, the content check and the build
 * integrations import it as they are. Browser code may import it too (the search hints
 * use lawArticlePath): it has no side effects, so a bundle takes only what it uses.
 * The two page scripts that need the base path (src/client/enhance.ts, search.ts) read
 * it from Vite's BASE_URL themselves, as one expression: a helper module shared by two
 * page scripts would become a chunk of its own, one more request on every page.
 */

// ---- Base path and trailing slash ---------------------------------------------------

/** "/pufa" → "/pufa/"; "/" stays "/". Folders and base paths are always written with it. */
export const withTrailingSlash = (path: string): string => (path.endsWith('/') ? path : path + '/');

/** joinBase("/pufa", "/law/61/") → "/pufa/law/61/". */
export function joinBase(base: string, path: string): string {
  return withTrailingSlash(base) + path.replace(/^\//, '');
}

/** The reverse: "/pufa/law/61/" under "/pufa/" → "/law/61/". A path outside the base is returned as it is. */
export function stripBase(base: string, path: string): string {
  const root = withTrailingSlash(base);
  return path.startsWith(root) ? '/' + path.slice(root.length) : path;
}

/** The base path this build serves from: Vite's BASE_URL in pages, "/" where there is none (Node scripts). */
export function siteBase(): string {
  return withTrailingSlash((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/');
}

/** A link to a site path: href("/law/61/") → "/pufa/law/61/" when the site lives under /pufa/. */
export function href(path: string): string {
  if (!path.startsWith('/')) throw new Error(`href: expected a root-relative path, got "${path}"`);
  return joinBase(siteBase(), path);
}

/** Absolute URL on the configured public address, for canonical links, sitemaps, feeds and QR codes. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), withTrailingSlash(baseUrl)).href;
}

// ---- Output folders (below the base path) -------------------------------------------

export { HASHED_DIR, PAGEFIND_DIR, SEARCH_INDEX_DIR } from './output-folders.ts';

// ---- Pages and files that exist without a content file -----------------------------

export const PAGES = {
  home: '/',
  law: '/law/',
  lawExcerpts: '/law/excerpts/',
  qa: '/qa/',
  glossary: '/glossary/',
  report: '/report/',
  search: '/search/',
  cases: '/cases/',
  news: '/news/',
  materials: '/materials/',
  privacy: '/privacy/',
  quiz: '/quiz/',
  offline: '/offline/',
  noNetwork: '/offline/no-network/',
} as const;

/**
 * Every page above. The link check of the content check accepts these; a build test
 * proves each one is really built.
 */
export const STATIC_PATHS: readonly string[] = /* @__PURE__ */ Object.values(PAGES);

export const FILES = {
  favicon: '/favicon.svg',
  rss: '/rss.xml',
  searchHints: '/search-hints.json',
  offlineManifest: '/offline.json',
  serviceWorker: '/sw.js',
} as const;

// ---- Content pages ----------------------------------------------------------------

/** The MDX collections whose entries are pages, each at /<collection>/<slug>/. */
export type EntryCollection = 'qa' | 'cases' | 'news' | 'materials';

export const entryPath = (collection: EntryCollection, slug: string): string =>
  `/${collection}/${slug}/`;
export const qaPath = (slug: string): string => entryPath('qa', slug);
export const casePath = (slug: string): string => entryPath('cases', slug);
export const newsPath = (slug: string): string => entryPath('news', slug);
export const materialPath = (slug: string): string => entryPath('materials', slug);

/** A topic's section on /qa/. */
export const qaTopicPath = (topic: string): string =>
  `${PAGES.qa}#topic-${encodeURIComponent(topic)}`;

// ---- The law ----------------------------------------------------------------------

/** The page of one article of the Anti-Organized Crime Law (PAGES.law + n, written out so a browser bundle needs no PAGES). */
export const lawArticlePath = (n: number): string => `/law/${n}/`;
/** Anchors on /law/: #art-61 and #chapter-7. */
export const lawArticleAnchor = (n: number): string => `art-${n}`;
export const lawChapterAnchor = (n: number): string => `chapter-${n}`;
/** The article or chapter in the full text on /law/. */
export const lawArticleInFullText = (n: number): string => `${PAGES.law}#${lawArticleAnchor(n)}`;
export const lawChapterInFullText = (n: number): string => `${PAGES.law}#${lawChapterAnchor(n)}`;

/** Whether /law/ has this anchor: art-1…art-<articles> and chapter-1…chapter-<chapters>. */
export function lawAnchorExists(anchor: string, articles: number, chapters: number): boolean {
  const m = /^(art|chapter)-(\d+)$/.exec(anchor);
  if (!m) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= (m[1] === 'art' ? articles : chapters);
}

// ---- Posters and short links ------------------------------------------------------

/** Print views: /posters/law/61/, /posters/qa/<slug>/, /posters/materials/<slug>/. */
export const POSTERS_PREFIX = '/posters/';
export type PosterKind = 'law' | 'qa' | 'materials';
export const posterPath = (kind: PosterKind, id: string | number): string =>
  `${POSTERS_PREFIX}${kind}/${id}/`;

/** Short links /q/<code>/ (codes: src/lib/permalinks/short-links.ts). */
export const SHORT_LINK_PREFIX = '/q/';
export const shortLinkPath = (code: string): string => `${SHORT_LINK_PREFIX}${code}/`;
