import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../harness/perf/budgets.ts';
import { totalsByType, transferLabel, type Transfer } from '../harness/perf/network.ts';
import { transferSize } from '../harness/perf/transfer.ts';
import type { SearchHints } from '../../src/lib/search/hints.ts';
import { shardsForQuery } from '../../src/lib/search/text-index.ts';
import { launchChromium } from '../harness/browser.ts';
import { DIST } from '../harness/dist.ts';
import { loadQueries } from '../harness/search-eval.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';
import { firstSearchTransfers } from '../harness/transfers.ts';
import { ceiling, MEASURED_FIRST_SEARCH } from './ceilings.ts';

// The first search query from a cold cache, in Chromium against the built site: the
// search page, the hints, and the text-index shards the query needs. Pagefind loads only
// when the reader asks for 搜索全文.
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

const kB = (b: number) => `${b.toLocaleString('en-US')} B`;
const breakdownOf = (rows: ReturnType<typeof totalsByType>['rows']) => rows.map((r) => `${r.type} ${r.requests}× ${kB(r.gzip)}`).join(', ');
const hints = JSON.parse(readFileSync(`${DIST}/search-hints.json`, 'utf8')) as SearchHints;
const shardBytes = (i: number) => transferSize(readFileSync(`${DIST}/${hints.x!.dir}/${i}.json`));
const shardOfUrl = (t: Transfer) => Number(/\/(\d+)\.json$/.exec(t.url)![1]);

describe('the first search query', () => {
  // 举报 is answered from the hints alone (ten matching pages); the others are long
  // colloquial questions, the most expensive kind, which also need the text index.
  const QUERIES = ['举报', '借了高利贷天天有人上门要钱怎么办', '孩子老跟社会上的人混在一起咋办', '这个法啥时候开始实行'];

  // What the search page itself downloads (HTML, CSS, JS, icon) and the hints, measured
  // in the browser; used below to check every query in the query set.
  let pageAndHints = 0;

  it.each(QUERIES)(`“%s” downloads at most ${BUDGETS.firstSearch / 1000} kB gzip in total, and no pagefind`, async (q) => {
    const transfers = await firstSearchTransfers(browser, server.url, q);
    const { rows, total } = totalsByType(transfers);
    const message = `search for “${q}” downloaded ${kB(total.gzip)} gzip in ${total.requests} requests (${breakdownOf(rows)})`;
    expect(total.gzip, message).toBeLessThanOrEqual(BUDGETS.firstSearch);
    // And within its measured level + 15% (tests/budgets/ceilings.ts).
    expect(total.gzip, `${message}; measured ${MEASURED_FIRST_SEARCH[q]} B`).toBeLessThanOrEqual(ceiling(MEASURED_FIRST_SEARCH[q]!));
    expect(rows.filter((r) => r.type.startsWith('pagefind')), message).toEqual([]);
    expect(rows.find((r) => r.type === 'search hints')?.requests, message).toBe(1);
    // Exactly the shards the query's terms are in: the model the whole query set is checked with.
    const shards = transfers.filter((t) => transferLabel(t) === 'search text index').map(shardOfUrl);
    const expected = q === '举报' ? [] : shardsForQuery(q, hints.x!.s);
    expect(shards.sort((a, b) => a - b), message).toEqual(expected);
    pageAndHints = Math.max(pageAndHints, total.gzip - shards.reduce((s, i) => s + shardBytes(i), 0));
  });

  it(`every query in the query set stays within ${BUDGETS.firstSearch / 1000} kB gzip`, () => {
    expect(pageAndHints, 'measured by the browser tests above').toBeGreaterThan(0);
    const over: string[] = [];
    for (const { q } of loadQueries()) {
      // At most: the page, the hints and every shard the query's terms are in.
      const bytes = pageAndHints + shardsForQuery(q, hints.x!.s).reduce((s, i) => s + shardBytes(i), 0);
      if (bytes > BUDGETS.firstSearch) over.push(`“${q}” ${kB(bytes)}`);
    }
    expect(over, `over budget (page and hints ${kB(pageAndHints)} plus the query's shards)`).toEqual([]);
  });

  it('no text-index shard is larger than 4 kB gzip, so no query term costs more than that', () => {
    const sizes = Array.from({ length: hints.x!.s }, (_, i) => shardBytes(i));
    expect(Math.max(...sizes), `shard sizes: ${sizes.join(', ')}`).toBeLessThanOrEqual(4_000);
  });

  // Full-text search on request (pagefind's code, WebAssembly, index chunks and fragments)
  // is not held to the first-query budget; this keeps its measured level from growing unnoticed.
  it(`full-text results on request stay within ${BUDGETS.fullTextSearch / 1000} kB gzip`, async () => {
    const transfers = await firstSearchTransfers(browser, server.url, '举报', { fullText: true });
    const { rows, total } = totalsByType(transfers);
    const labels = rows.map((r) => r.type);
    for (const l of ['pagefind js', 'pagefind wasm', 'pagefind index', 'pagefind fragment']) expect(labels).toContain(l);
    expect(total.gzip, `full-text search downloaded ${kB(total.gzip)} gzip (${breakdownOf(rows)})`).toBeLessThanOrEqual(BUDGETS.fullTextSearch);
  });
});
