import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../harness/dist.ts';

/**
 * The pages a built site lists in its sitemap (@astrojs/sitemap: sitemap-index.xml
 * pointing at sitemap-0.xml, …). Browser checks iterate over these, so pages other
 * issues add are checked without touching the tests.
 */

const decode = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
  );
const locs = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decode(m[1]!.trim()));

/** Absolute URLs from the sitemap index in `dist`, which was built for `baseUrl`. */
export function sitemapUrls(baseUrl: string, dist = DIST): string[] {
  const root = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const fileOf = (url: string) => {
    if (!url.startsWith(root)) throw new Error(`sitemap: ${url} is not under the base URL ${root}`);
    return join(dist, decodeURI(url.slice(root.length)));
  };
  return locs(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).flatMap((sitemap) =>
    locs(readFileSync(fileOf(sitemap), 'utf8')),
  );
}

/** Sitemap pages as paths below the base: https://host/pufa/law/61/ → /law/61/. */
export function sitemapPaths(baseUrl: string, dist = DIST): string[] {
  const root = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  return sitemapUrls(baseUrl, dist).map((u) => '/' + decodeURI(u.slice(root.length)));
}
