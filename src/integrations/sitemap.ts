import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { isNoindex } from '../lib/noindex.ts';
import { joinBase, withTrailingSlash } from '../lib/routes.ts';

/**
 * @astrojs/sitemap, minus every page that carries <meta name="robots" content="noindex">
 * (search results, 404, redirects) and every URL `opts.filter` rejects: a sitemap must
 * not list pages it asks engines to drop.
 * @astrojs/sitemap's filter sees only URLs, so the built pages are read first, in
 * astro:build:generated, which runs before any astro:build:done hook.
 */
export function sitemapIntegration(
  opts: { filter?: (url: string) => boolean } = {},
): AstroIntegration[] {
  let base = '/';
  let site = 'http://localhost';
  const noindex = new Set<string>();
  const listed = opts.filter ?? (() => true);
  const scan: AstroIntegration = {
    name: 'aocl:noindex-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
        if (config.site) site = config.site;
      },
      'astro:build:generated': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html')) continue;
          const rel = relative('.', file).split(sep).join('/');
          const path = joinBase(base, rel.replace(/(^|\/)index\.html$/, '$1'));
          // Pages the filter leaves out anyway (posters, short links) need not be read.
          if (!listed(new URL(path, site).href)) continue;
          if (isNoindex(readFileSync(join(outDir, file), 'utf8'))) noindex.add(path);
        }
      },
    },
  };
  return [
    scan,
    sitemap({ filter: (url) => listed(url) && !noindex.has(decodeURI(new URL(url).pathname)) }),
  ];
}
