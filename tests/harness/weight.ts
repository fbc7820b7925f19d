import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { readingPageKind, type ReadingPageKind } from './perf/budgets.ts';
import { measurePage, type AssetCache, type PageWeight, type ReadAsset } from './perf/measure.ts';
import { DIST, htmlPages } from './dist.ts';

/** Page weights over the built site in dist/, for the budget tests. */

/** The site's base path ("/" or "/pufa/"), from the same config the build used. */
export function basePath(): string {
  const { pathname } = new URL(loadSiteConfig().config.baseUrl);
  return pathname.endsWith('/') ? pathname : pathname + '/';
}

/** Reads a served URL path (with the base path) from dist/: /pufa/_astro/a.css → dist/_astro/a.css. */
export function distReader(base = basePath(), dist = DIST): ReadAsset {
  return (urlPath) => {
    if (!urlPath.startsWith(base)) return undefined;
    let rel = decodeURIComponent(urlPath.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = join(dist, rel);
    try {
      if (!statSync(file).isFile()) return undefined;
      return readFileSync(file);
    } catch {
      return undefined;
    }
  };
}

export interface ReadingPage {
  /** Site path without the base path, e.g. /law/61/. */
  path: string;
  file: string;
  kind: ReadingPageKind;
}

/** Every reading page in dist/, chosen by URL pattern (see readingPageKind). */
export function readingPages(): ReadingPage[] {
  return htmlPages()
    .flatMap(({ path, file }) => {
      const kind = readingPageKind(path);
      return kind ? [{ path, file, kind }] : [];
    })
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

const cache: AssetCache = new Map();

export function weighPage(p: ReadingPage, base = basePath()): Promise<PageWeight> {
  return measurePage(base + p.path.slice(1), readFileSync(p.file, 'utf8'), distReader(base), cache);
}
