// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { baseLinksPlugin } from './src/integrations/base-links.ts';
import { onBuildWarning } from './src/integrations/build-warnings.ts';
import { loadSiteConfig, SiteConfigError } from './src/lib/config/load.ts';
import { contentCheckIntegration } from './src/integrations/content-check.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { loadRedirects, RedirectsError } from './src/lib/permalinks/load.ts';
import { sitemapFilter } from './src/lib/permalinks/unlisted.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { permanentUrlsIntegration } from './src/integrations/permanent-urls.ts';
import { printFilesIntegration } from './src/integrations/print-files.ts';
import { contentChunksIntegration } from './src/integrations/content-chunks.ts';
import { lazyChunksPlugin } from './src/integrations/lazy-chunks.ts';
import { mdxGatePlugin } from './src/integrations/mdx-gate.ts';
import { serviceWorkerIntegration } from './src/integrations/service-worker.ts';
import { shortLinksIntegration } from './src/integrations/short-links.ts';
import { siteConfigIntegration } from './src/integrations/site-config.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';

// `npm run build:production` sets SITE_MODE=production: the config must then name a
// real public address, the organization and the region.
const production = process.env.SITE_MODE === 'production';
// `npm run build:print` builds a second time with the PDFs it rendered (scripts/build-print.ts).
const printDir = process.env.AOCL_PRINT_DIR || undefined;

let config;
let redirects;
try {
  ({ config } = loadSiteConfig({ production }));
  // Moved pages (content/redirects.yaml), generated as static redirect pages.
  redirects = loadRedirects();
} catch (e) {
  if (e instanceof SiteConfigError || e instanceof RedirectsError) {
    console.error('\n' + e.message + '\n');
    process.exit(1);
  }
  throw e;
}

const url = new URL(config.baseUrl);
const base = url.pathname.replace(/\/$/, '') || '/';

export default defineConfig({
  site: url.origin,
  base,
  trailingSlash: 'always',
  cacheDir: './.astro',
  build: {
    format: 'directory',
    // Four pages at a time: one renders while the others wait on their files being
    // written. At 2,000 Q&A this cut the render by about 2 s on a 2-core machine.
    concurrency: 4,
    // The CSP allows styles and scripts from 'self' only: nothing is inlined.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0, rolldownOptions: { onwarn: onBuildWarning } },
    // Modules loaded on demand (朗读, 复制链接) without Vite's preload helper.
    plugins: [lazyChunksPlugin()],
  },
  markdown: {
    // The MDX gate refuses code in content (import/export, {expressions}, unknown
    // attributes) before anything is compiled; root-relative links get the sub-path.
    processor: satteri({ mdastPlugins: [mdxGatePlugin(), baseLinksPlugin(base)] }),
  },
  devToolbar: { enabled: false },
  integrations: [
    // First in astro:build:generated: the /q/ short link pages, which later hooks read.
    shortLinksIntegration(),
    contentCheckIntegration(),
    // The prerender build's MDX content in a few chunks, not one chunk per file.
    contentChunksIntegration(),
    siteConfigIntegration(config, { production }),
    mdx(),
    // Posters, /q/ short links and redirects are for printers and scanners, not for search
    // engines; nor are pages marked noindex (search, 404).
    sitemapIntegration({
      filter: sitemapFilter(
        base,
        redirects.map((r) => r.from),
      ),
    }),
    // PDFs of a print build: download links, and the files copied into dist/print/ (before the URL check).
    printFilesIntegration(printDir),
    // Fails the build when a published path no longer resolves (content/urls.manifest.txt).
    permanentUrlsIntegration(redirects, { printBuild: Boolean(printDir) }),
    pagefindIntegration(),
    serviceWorkerIntegration({ offlineBudget: config.offlineBudgetMB * 1_000_000 }),
    headersFileIntegration(),
  ],
});
