import { SHORT_LINK_PREFIX } from './short-links.ts';

/**
 * Pages that exist for machines and printers, not for readers arriving from a search
 * engine: posters (print views), /q/ short links and declared redirects. They stay out
 * of the sitemap; none of them marks content for the search index either.
 */

export const POSTERS_PREFIX = '/posters/';

export function isUnlistedPath(path: string, redirectFroms: ReadonlySet<string> = new Set()): boolean {
  return path.startsWith(POSTERS_PREFIX) || path.startsWith(SHORT_LINK_PREFIX) || redirectFroms.has(path);
}

/** A filter for @astrojs/sitemap, which hands over absolute URLs that include the base path. */
export function sitemapFilter(base: string, redirectFroms: Iterable<string>): (page: string) => boolean {
  const root = base.endsWith('/') ? base : base + '/';
  const froms = new Set(redirectFroms);
  return (page) => {
    const pathname = decodeURI(new URL(page).pathname);
    const path = pathname.startsWith(root) ? '/' + pathname.slice(root.length) : pathname;
    return !isUnlistedPath(path, froms);
  };
}
