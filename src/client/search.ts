/**
 * The search page. The search data load only once the reader has a query, so reading
 * pages never download them. The code lives in src/client/search/:
 *  - src/lib/search/rank.ts: the ranking, a pure function with its loaders passed in;
 *  - load.ts: the downloads (hints, index shards, page-record blocks, pagefind);
 *  - run.ts: one search, first stage then pagefind's results on request;
 *  - full-text.ts: the pagefind stage; render.ts: the DOM; page.ts: the page wiring.
 */
export { startSearchPage } from './search/page.ts';
