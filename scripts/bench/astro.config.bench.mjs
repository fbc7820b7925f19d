// @ts-check
/**
 * The site's own config, for `npm run bench:scale`: output and cache go to the
 * benchmark's temporary folder (BENCH_OUT_DIR, BENCH_CACHE_DIR), so dist/ and .astro/
 * of the working tree are never touched. BENCH_STANDINS lists stand-in routes to inject
 * for pages that do not exist in src/pages yet (qa, qa-poster, short-link).
 */
import site from '../../astro.config.mjs';

const STANDINS = {
  qa: { pattern: '/qa/[slug]', entrypoint: './scripts/bench/standins/qa.astro' },
  'qa-poster': { pattern: '/posters/qa/[slug]', entrypoint: './scripts/bench/standins/qa-poster.astro' },
  'short-link': { pattern: '/q/[code]', entrypoint: './scripts/bench/standins/short-link.astro' },
};

const wanted = (process.env.BENCH_STANDINS ?? '').split(',').filter(Boolean);
for (const name of wanted) if (!(name in STANDINS)) throw new Error(`BENCH_STANDINS: unknown stand-in "${name}"`);

/** @type {import('astro').AstroIntegration} */
const standins = {
  name: 'aocl:bench-standins',
  hooks: {
    'astro:config:setup': ({ injectRoute }) => {
      for (const name of wanted) injectRoute(STANDINS[/** @type {keyof typeof STANDINS} */ (name)]);
    },
  },
};

if (!process.env.BENCH_OUT_DIR || !process.env.BENCH_CACHE_DIR) throw new Error('astro.config.bench.mjs: BENCH_OUT_DIR and BENCH_CACHE_DIR must be set');

export default {
  ...site,
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
  integrations: [...(site.integrations ?? []), standins],
};
