/**
 * Folders of the build output, below the base path. Part of src/lib/routes.ts, which
 * re-exports them: import them from there. Only src/lib/offline/plan.ts imports this file
 * directly, because the /offline/ page's script imports plan.ts: if it imported routes.ts,
 * the search page's script (which uses routes.ts through the search hints) would share a
 * module with it, and the bundler would lay out that script's code differently.
 */

/** Hashed build output (Astro's build.assets): every file name carries a content hash. */
export const HASHED_DIR = '_astro/';
/** Pagefind's index and its script. */
export const PAGEFIND_DIR = 'pagefind/';
/** The search text index; each build's shards are in a subfolder named by their content hash. */
export const SEARCH_INDEX_DIR = 'search-index/';
