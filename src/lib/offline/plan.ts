import { HASHED_DIR } from '../output-folders.ts';

/**
 * What the service worker keeps, worked out at build time from the built pages.
 * Pure: the integration (src/integrations/service-worker.ts) reads dist/ and passes
 * file contents in. All URLs are paths on the site's host, with the base path
 * (/pufa/law/61/ when the site lives under /pufa/).
 */

export interface SizedUrl {
  /** URL path, with the base path. */
  u: string;
  /** Bytes on disk. */
  b: number;
  /** Bytes after gzip -9: what most servers actually send. */
  z: number;
  /** Content fingerprint (hex), so a page can tell which saved copies are out of date. */
  h: string;
  /**
   * Saved under this URL instead of `u`: the search hints of the saved pages only
   * (OFFLINE_HINTS_FILE) stand in for /search-hints.json when there is no network.
   */
  k?: string;
}

export interface OfflineManifest {
  version: string;
  /** Pages saved by 离线保存: the full law, every article, all Q&A, and the reporting guide. */
  pages: SizedUrl[];
  /** Hashed files those pages need (stylesheets, scripts, including the ones loaded on demand). */
  assets: SizedUrl[];
  /**
   * Data files kept with the pages: what search needs (the hints, the index shards and
   * page records) and the short-link table, so search and poster QR codes work offline.
   */
  data: SizedUrl[];
  total: { bytes: number; gzip: number };
  /**
   * Set when saving every Q&A would cost more than OFFLINE_BUDGET_GZIP
   * (src/lib/offline/select-pages.ts): only the first `saved` of the site's `qa` answers
   * are offered, and search offline looks in the saved pages only.
   */
  partial?: { saved: number; qa: number };
}

/** Site paths (below the base) saved by 离线保存. */
export function isOfflinePage(path: string): boolean {
  return (
    /^\/law\/([^/]+\/)?$/.test(path) ||
    /^\/qa\/([^/]+\/)?$/.test(path) ||
    path === '/report/' ||
    path === '/offline/' ||
    path === '/search/'
  );
}

/** Site-relative data files saved by 离线保存 besides the search index folder. */
export const OFFLINE_DATA_FILES = ['/search-hints.json'] as const;
/** Search hints of the saved pages only, written when 离线保存 keeps some Q&A out; saved as /search-hints.json. */
export const OFFLINE_HINTS_FILE = '/search-hints.offline.json';
/** The short links (/q/<code>/ → target path), saved by 离线保存 and read by the worker offline. */
export const SHORT_LINKS_FILE = '/offline-links.json';
/** The folder of short links, below the base. */
export const SHORT_LINK_DIR = 'q/';

/** The code of a short link path (/q/l61/ → l61), or undefined. */
export function shortLinkCode(path: string): string | undefined {
  return new RegExp(`^/${SHORT_LINK_DIR}([\\w-]+)/?$`).exec(path)?.[1];
}

/** A short-link page's target, from its <meta http-equiv="refresh"> (the page itself is a redirect). */
export function refreshTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1];
}

/** Cache Storage names shared by the worker and the /offline/ page. Shell caches are per build: aocl-shell-<version>. */
export const PAGES_CACHE = 'aocl-pages';
export const ASSETS_CACHE = 'aocl-assets';
export const SHELL_CACHE_PREFIX = 'aocl-shell-';

/** Site-relative paths of the pages the worker caches on install (the shell). */
export const SHELL_PAGES = ['/', '/offline/no-network/'] as const;
/** Other unhashed files in the shell. */
export const SHELL_FILES = ['/favicon.svg'] as const;
export const FALLBACK_PAGE = '/offline/no-network/';

/**
 * Names of hashed files a text refers to: src/href attributes, CSS url(), and — for
 * scripts — import specifiers and the chunks loaded on demand, which appear as
 * quoted paths. Returned as file names inside the hashed folder.
 */
export function hashedRefs(text: string): string[] {
  const out = new Set<string>();
  const re = new RegExp(
    `${HASHED_DIR.replace('/', '\\/')}([\\w.~-]+\\.(?:js|css|mjs|woff2?|png|svg|jpg|webp))|["'\`]\\.\\/([\\w.~-]+\\.(?:js|mjs|css))["'\`]`,
    'g',
  );
  for (const m of text.matchAll(re)) out.add((m[1] ?? m[2])!);
  return [...out];
}

/**
 * The hashed files to keep: everything `roots` refer to, and everything those files
 * refer to in turn (a script's imports and on-demand chunks). `read` returns a hashed
 * file's text, or undefined when it is not at hand.
 */
export function reachableAssets(
  roots: Iterable<string>,
  read: (name: string) => string | undefined,
): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    queue.push(n);
  };
  for (const text of roots) hashedRefs(text).forEach(visit);
  while (queue.length) {
    const name = queue.pop()!;
    if (!/\.(m?js|css)$/.test(name)) continue;
    const text = read(name);
    if (text === undefined) continue;
    hashedRefs(text).forEach(visit);
  }
  return seen;
}

/** Formats a byte count for readers: 950 KB, 1.2 MB (1 KB = 1,000 bytes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} 字节`;
  if (n < 1_000_000) return `${Math.max(1, Math.round(n / 1000))} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** How a request is handled by the worker. */
export type RequestKind =
  /** HTML navigation: network first, then the saved copy, then the offline page. */
  | 'page'
  /** A hashed build file: it never changes, so the cached copy first. */
  | 'hashed'
  /** Another file of this site (search index, icons, feeds): network first, then any cached copy. */
  | 'static'
  /** Not ours to handle: another origin, outside the site, or not a GET. */
  | 'bypass';

export function requestKind(
  req: { url: string; method: string; mode: string },
  scope: string,
): RequestKind {
  if (req.method !== 'GET' || !req.url.startsWith(scope)) return 'bypass';
  const path = req.url.slice(scope.length).replace(/[?#].*$/, '');
  // Print files (PDFs and the campaign pack, src/lib/print/files.ts) stay out of 离线保存 and every cache.
  if (path.startsWith('print/')) return 'bypass';
  if (req.mode === 'navigate') return 'page';
  if (path.startsWith(HASHED_DIR)) return 'hashed';
  if (path === 'sw.js') return 'bypass';
  return 'static';
}
