import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../src/lib/perf/budgets.ts';
import { totalsByType } from '../../src/lib/perf/network.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startPreview, type RunningServer } from '../helpers/server.ts';
import { firstSearchTransfers } from '../helpers/transfers.ts';

// The first search query from a cold cache, in Chromium against the built site: the
// search page, pagefind's code, its WebAssembly, index chunks and result fragments.
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the first search query', () => {
  it.each(['举报', '恶势力', '保护伞'])(`“%s” downloads at most ${BUDGETS.firstSearch / 1000} kB gzip in total`, async (q) => {
    const transfers = await firstSearchTransfers(browser, server.url, q);
    const { rows, total } = totalsByType(transfers);
    const labels = rows.map((r) => r.type);
    // Measured what matters: pagefind's code, WebAssembly and index really were downloaded.
    for (const l of ['pagefind js', 'pagefind wasm', 'pagefind index', 'pagefind fragment']) expect(labels).toContain(l);
    const breakdown = rows.map((r) => `${r.type} ${r.requests}× ${r.gzip.toLocaleString('en-US')} B`).join(', ');
    expect(total.gzip, `search for “${q}” downloaded ${total.gzip.toLocaleString('en-US')} B gzip in ${total.requests} requests (${breakdown})`).toBeLessThanOrEqual(
      BUDGETS.firstSearch,
    );
  });
});
