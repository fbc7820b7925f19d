import { POSTERS_PREFIX, SHORT_LINK_PREFIX, stripBase } from '../routes.ts';

/**
 * Pages that exist for machines and printers, not for readers arriving from a search
 * engine: posters (print views), /q/ short links and declared redirects. They stay out
 * of the sitemap; none of them marks content for the search index either.
 */

export function isUnlistedPath(
  path: string,
  redirectFroms: ReadonlySet<string> = new Set(),
): boolean {
  return (
    path.startsWith(POSTERS_PREFIX) || path.startsWith(SHORT_LINK_PREFIX) || redirectFroms.has(path)
  );
}

/** A filter for @astrojs/sitemap, which hands over absolute URLs that include the base path. */
export function sitemapFilter(
  base: string,
  redirectFroms: Iterable<string>,
): (page: string) => boolean {
  const froms = new Set(redirectFroms);
  return (page) => {
    return !isUnlistedPath(stripBase(base, decodeURI(new URL(page).pathname)), froms);
  };
}
