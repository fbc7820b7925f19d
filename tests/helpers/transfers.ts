import type { Browser, BrowserContext, Response } from 'playwright-core';
import type { Transfer } from '../../src/lib/perf/network.ts';
import { rawSize, transferSize } from '../../src/lib/perf/transfer.ts';

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
      let body: Buffer;
      try {
        body = await res.body();
      } catch {
        return; // no body (e.g. aborted, or a cached response)
      }
      transfers.push({ url: res.url(), type: res.request().resourceType(), raw: rawSize(body), gzip: transferSize(body) });
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
export async function firstSearchTransfers(browser: Browser, siteUrl: string, query: string, opts: { fullText?: boolean } = {}): Promise<Transfer[]> {
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
      await page.waitForFunction((n) => !document.querySelector('.search-more') && document.querySelectorAll('#search-results li').length >= n, before);
    }
    await page.waitForLoadState('networkidle');
    await log.settled();
  } finally {
    log.stop();
    await context.close();
  }
  return log.transfers;
}
