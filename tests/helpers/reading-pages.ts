import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { DIST, htmlPages, page } from '../harness/dist.ts';

/**
 * The reading pages of dist/ (as built by `npm test`) and the site's address, for the
 * build tests of what residents use: 大字模式, 朗读, 自测, offline reading, sharing.
 * Posters are print sheets and /q/ pages are redirects, with their own tests.
 */
export const { config } = loadSiteConfig();
export const root = config.baseUrl.endsWith('/') ? config.baseUrl : config.baseUrl + '/';
export const pages = htmlPages().filter(
  (p) =>
    !p.path.startsWith('/posters/') && !page(p.path).querySelector('meta[http-equiv="refresh"]'),
);
export const qaPages = pages.filter((p) => /^\/qa\/[^/]+\/$/.test(p.path));
/** Size after gzip -9, as the budgets count. */
export const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
/** The file in dist/ behind an address on the site. */
export const distFile = (url: string) =>
  join(DIST, new URL(url, root).pathname.slice(new URL(root).pathname.length));
