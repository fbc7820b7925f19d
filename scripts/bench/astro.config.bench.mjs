// @ts-check
/**
 * The site's own config, for `npm run bench:scale`: output and cache go to the
 * benchmark's temporary folder (BENCH_OUT_DIR, BENCH_CACHE_DIR), so dist/ and .astro/
 * of the working tree are never touched.
 */
import site from '../../astro.config.mjs';

if (!process.env.BENCH_OUT_DIR || !process.env.BENCH_CACHE_DIR)
  throw new Error('astro.config.bench.mjs: BENCH_OUT_DIR and BENCH_CACHE_DIR must be set');

export default {
  ...site,
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
};
