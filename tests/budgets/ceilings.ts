import type { ReadingPageKind } from '../harness/perf/budgets.ts';

/**
 * Regression ceilings beside the budgets (tests/harness/perf/budgets.ts). A budget says what
 * a reader on a weak signal can afford; most pages sit well below it, so a page could double
 * and still pass. A ceiling is the measured level plus HEADROOM, so growth that large fails.
 *
 * When a change makes a figure grow on purpose, measure again (`npm run bench:weight` prints
 * page weights; the failure message gives the new figure) and update the figure here in the
 * same commit, saying why. All figures are gzip -9 bytes, measured on the build of 1 Dec 2026.
 */
export const HEADROOM = 1.15;
export const ceiling = (measured: number) => Math.ceil(measured * HEADROOM);

/** The heaviest page of each kind. `critical` is the start of the HTML for the full text at /law/. */
export const MEASURED_PAGE_WEIGHT: Record<
  ReadingPageKind,
  { html: number; css: number; js: number; firstView: number; critical: number }
> = {
  home: { html: 2390, css: 2644, js: 1218, firstView: 6421, critical: 5149 },
  'law-full': { html: 11662, css: 2644, js: 1218, firstView: 15693, critical: 5726 },
  law: { html: 4082, css: 2815, js: 1218, firstView: 8113, critical: 6841 },
  material: { html: 3900, css: 3388, js: 1218, firstView: 8675, critical: 7403 },
  qa: { html: 4047, css: 2815, js: 1218, firstView: 8249, critical: 6977 },
  report: { html: 5139, css: 2644, js: 1218, firstView: 9170, critical: 7898 },
};

/** Everything the first search for each query downloads from a cold cache (tests/budgets/search.test.ts). */
export const MEASURED_FIRST_SEARCH: Record<string, number> = {
  举报: 30355,
  借了高利贷天天有人上门要钱怎么办: 69774,
  孩子老跟社会上的人混在一起咋办: 67552,
  这个法啥时候开始实行: 54308,
};
