// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { loadSiteConfig, SiteConfigError } from './src/lib/config/load.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { siteConfigIntegration } from './src/integrations/site-config.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';

// `npm run build:production` sets SITE_MODE=production: the config must then name a
// real public address, the organization and the region.
const production = process.env.SITE_MODE === 'production';

let config;
try {
  ({ config } = loadSiteConfig({ production }));
} catch (e) {
  if (e instanceof SiteConfigError) {
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
    // The CSP allows styles and scripts from 'self' only: nothing is inlined.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  integrations: [
    siteConfigIntegration(config, { production }),
    mdx(),
    sitemapIntegration(),
    pagefindIntegration(),
    headersFileIntegration(),
  ],
});
