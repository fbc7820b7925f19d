import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { collectCspViolations, cspViolations } from './page-checks.ts';

export interface SearchOutcome {
  /** Result links, as paths. */
  hrefs: string[];
  /** <mark> highlights in the excerpts. */
  marks: number;
  cspViolations: string[];
  /** Console errors and warnings from the page and its workers. */
  consoleErrors: string[];
  foreignRequests: string[];
  /** Whether pagefind's code and WebAssembly ran (full-text search, requested with the 搜索全文 button). */
  pagefindRan: boolean;
  /** How many text-index shards (the first stage's full text) were downloaded. */
  shardsLoaded: number;
  /** Result links before 搜索全文 was pressed: the first stage's. */
  firstHrefs: string[];
}

/** Opens <siteUrl>search/?q=<query> in a fresh context and waits for the results. */
export async function searchUnderCsp(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<SearchOutcome> {
  const context = await browser.newContext();
  await collectCspViolations(context);
  const origin = new URL(siteUrl).origin;
  const foreignRequests: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url()) && new URL(r.url()).origin !== origin)
      foreignRequests.push(r.url());
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const onConsole = (where: string) => (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' || m.type() === 'warning')
      consoleErrors.push(`${where} ${m.type()}: ${m.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e}`));
  let pagefindRan = false;
  let shardsLoaded = 0;
  page.on('response', (r) => {
    if (/\/pagefind\/wasm\.[^/]+\.pagefind$/.test(r.url()) && r.ok()) pagefindRan = true;
    if (/\/search-index\/[0-9a-f]+\/\d+\.json$/.test(r.url()) && r.ok()) shardsLoaded++;
  });
  page.on('worker', (w) => w.on('console', onConsole('worker')));
  try {
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    // On failure, return what was collected: the violations and errors say why.
    await page
      .locator('#search-results li')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch((e: Error) => consoleErrors.push(`no results: ${e.message.split('\n')[0]}`));
    const firstHrefs = await page
      .locator('#search-results li a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Ask for the full-text results (搜索全文) so that pagefind (WebAssembly, index chunks)
    // runs under the CSP as well. The button is always offered; its absence is an error.
    const more = page.locator('.search-more');
    const offered = await more.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!offered) consoleErrors.push('no 搜索全文 button');
    else {
      await more.click();
      await page
        .waitForFunction(() => !document.querySelector('.search-more'), undefined, {
          timeout: 10_000,
        })
        .catch((e: Error) =>
          consoleErrors.push(`no full-text results: ${e.message.split('\n')[0]}`),
        );
    }
    const hrefs = await page
      .locator('#search-results li a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const marks = await page.locator('#search-results mark').count();
    return {
      hrefs,
      marks,
      cspViolations: await cspViolations(page),
      consoleErrors,
      foreignRequests,
      pagefindRan,
      shardsLoaded,
      firstHrefs,
    };
  } finally {
    await context.close();
  }
}

/**
 * A long colloquial question, which the first stage answers through the text index:
 * under the served CSP it downloads shards and lists the usury page in the top 5.
 * Shared by the nginx test and the sub-path test; `base` is the site's base path.
 */
export async function expectTextIndexSearch(
  browser: Browser,
  siteUrl: string,
  base: string,
): Promise<void> {
  const found = await searchUnderCsp(browser, siteUrl, '借了高利贷天天有人上门要钱怎么办');
  expect(found.cspViolations).toEqual([]);
  expect(found.consoleErrors).toEqual([]);
  expect(found.shardsLoaded).toBeGreaterThan(0);
  expect(found.firstHrefs.slice(0, 5)).toContain(`${base}qa/usury-and-violent-debt-collection/`);
}
