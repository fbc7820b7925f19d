import type { Browser, BrowserContext, Response } from 'playwright-core';
import type { Transfer } from './perf/network.ts';
import { rawSize, transferSize } from './perf/transfer.ts';

/**
 * Records every response a browser context receives (pages and their workers), with its
 * body size raw and as gzip -9 transfer bytes. The preview server does not compress, so
 * the body is what a compressing server would gzip.
 */
export interface TransferLog {
  transfers: Transfer[];
  /** Waits until every body seen so far has been read and measured. */
  settled(): Promise<void>;
  stop(): void;
}

export function recordTransfers(context: BrowserContext): TransferLog {
  const transfers: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  const onResponse = (res: Response) => {
    const p = (async () => {
      const status = res.status();
      if (status >= 300 && status < 400) return; // the redirect target is recorded on its own
      // Answered by the service worker: its own request, recorded below, is what crossed the network.
      if (res.fromServiceWorker()) return;
      let body: Buffer;
      try {
        body = await res.body();
      } catch {
        return; // no body (e.g. aborted, or a cached response)
      }
      let type = res.request().resourceType();
      if (body.length === 0 && res.request().serviceWorker()) {
        // Chromium gives no body for the service worker's own requests: the offline shell it
        // fetches when installed, and the page's requests it passes on once it controls the
        // page. What went over the network shows in sizes(): nothing for an HTTP-cache hit;
        // otherwise the same URL is fetched again to measure its body.
        const { responseBodySize } = await res.request().sizes();
        if (responseBodySize === 0) return;
        body = Buffer.from(await (await fetch(res.url())).arrayBuffer());
        type = 'service worker';
      }
      transfers.push({ url: res.url(), type, raw: rawSize(body), gzip: transferSize(body) });
    })();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  context.on('response', onResponse);
  return {
    transfers,
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    stop: () => context.off('response', onResponse),
  };
}

/**
 * A first search from a cold cache: opens /search/?q=… in a fresh 375×812 context, waits
 * for the results and for the network to go quiet, and returns everything downloaded.
 */
export async function firstSearchTransfers(
  browser: Browser,
  siteUrl: string,
  query: string,
  opts: { fullText?: boolean } = {},
): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const log = recordTransfers(context);
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results li').first().waitFor();
    if (opts.fullText) {
      // The reader asks for the full-text results: pagefind loads now.
      const before = await page.locator('#search-results li').count();
      await page.locator('.search-more').click();
      await page.waitForFunction(
        (n) =>
          !document.querySelector('.search-more') &&
          document.querySelectorAll('#search-results li').length >= n,
        before,
      );
    }
    await page.waitForLoadState('networkidle');
    await log.settled();
  } finally {
    log.stop();
    await context.close();
  }
  return log.transfers;
}
