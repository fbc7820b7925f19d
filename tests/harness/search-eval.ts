import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';

/**
 * Evaluates search quality on the built site: the query set in tests/search/queries.yaml,
 * run through the real search page in Chromium. Used by `npm run bench:search` and by
 * the recall regression test.
 */

export interface QueryCase {
  q: string;
  expect: string[];
  kind: string;
}

export interface QueryOutcome extends QueryCase {
  got: string[];
  /** 1-based rank of the first expected page in the top 5, or 0. */
  rank: number;
  /** For unknown-word queries: the first result shown (which should not exist). */
  irrelevantTop?: string;
  ms: number;
}

export function loadQueries(file = 'tests/search/queries.yaml'): QueryCase[] {
  return (
    parse(readFileSync(file, 'utf8')) as Array<{
      q: string | number;
      expect: string[];
      kind: string;
    }>
  ).map((c) => ({ ...c, q: String(c.q) }));
}

export function summarise(outcomes: QueryOutcome[]): {
  recall5: number;
  mrr: number;
  answerable: number;
  irrelevantTops: number;
} {
  const answerable = outcomes.filter((o) => o.expect.length > 0);
  const recall5 = answerable.filter((o) => o.rank > 0).length / answerable.length;
  const mrr = answerable.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / answerable.length;
  const irrelevantTops = outcomes.filter((o) => o.expect.length === 0 && o.got.length > 0).length;
  return { recall5, mrr, answerable: answerable.length, irrelevantTops };
}

function outcome(c: QueryCase, got: string[], ms: number): QueryOutcome {
  const top = got.slice(0, 5);
  const idx = top.findIndex((u) => c.expect.includes(u));
  return {
    ...c,
    got: top,
    rank: idx + 1,
    ms,
    irrelevantTop: c.expect.length === 0 ? top[0] : undefined,
  };
}

/** Types the query into the search page and reads the result links once they show. */
export async function runSiteSearch(
  page: Page,
  origin: string,
  c: QueryCase,
): Promise<QueryOutcome> {
  if (!page.url().startsWith(origin + '/search/')) await page.goto(origin + '/search/');
  const input = page.locator('#search-page-q');
  await input.fill('');
  await page.waitForFunction(
    () =>
      document.querySelector('#search-results')!.children.length === 0 &&
      document.querySelector('#search-status')!.textContent === '',
  );
  await input.fill(c.q);
  const typedAt = Date.now();
  await page.waitForFunction(
    (q) => {
      const s = document.querySelector('#search-status')!.textContent ?? '';
      return s.includes(`“${q}”`);
    },
    c.q.trim(),
    { timeout: 15_000 },
  );
  const ms = Date.now() - typedAt;
  const got = await page
    .locator('#search-results li a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return outcome(c, got, ms);
}

/** Plain pagefind with default settings: the baseline the strategy is measured against. */
export async function runPlainPagefind(
  page: Page,
  origin: string,
  c: QueryCase,
): Promise<QueryOutcome> {
  if (!page.url().startsWith(origin + '/search/')) await page.goto(origin + '/search/');
  const t0 = Date.now();
  const got = await page.evaluate(async (q) => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as {
      search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
    };
    const r = await pf.search(q);
    return Promise.all(
      r.results.slice(0, 5).map(async (x) => new URL((await x.data()).url, location.href).pathname),
    );
  }, c.q);
  return outcome(c, got, Date.now() - t0);
}
