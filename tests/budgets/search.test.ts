import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../harness/perf/budgets.ts';
import { totalsByType, transferLabel, type Transfer } from '../harness/perf/network.ts';
import { transferSize } from '../harness/perf/transfer.ts';
import type { SearchHints } from '../../src/lib/search/hints.ts';
import { firstDownload } from '../../src/lib/search/rank.ts';
import type { TextShard } from '../../src/lib/search/text-index.ts';
import { launchChromium } from '../harness/browser.ts';
import { DIST } from '../harness/dist.ts';
import { loadQueries } from '../harness/search-eval.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';
import { firstSearchTransfers } from '../harness/transfers.ts';
import { ceiling, MEASURED_FIRST_SEARCH } from './ceilings.ts';

// The first search query from a cold cache, in Chromium against the built site: the
// search page, the hints, the text-index shards the query needs and the record blocks of
// the results shown. Pagefind loads only when the reader asks for 搜索全文.
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
const breakdownOf = (rows: ReturnType<typeof totalsByType>['rows']) =>
  rows.map((r) => `${r.type} ${r.requests}× ${kB(r.gzip)}`).join(', ');
const hints = JSON.parse(readFileSync(`${DIST}/search-hints.json`, 'utf8')) as SearchHints;
const shardBytes = (i: number) => transferSize(readFileSync(`${DIST}/${hints.x!.dir}/${i}.json`));
const blockBytes = (b: number) => transferSize(readFileSync(`${DIST}/${hints.x!.dir}/p${b}.json`));
const shard = (i: number) =>
  JSON.parse(readFileSync(`${DIST}/${hints.x!.dir}/${i}.json`, 'utf8')) as TextShard;
const numberOfUrl = (t: Transfer) => Number(/\/p?(\d+)\.json$/.exec(t.url)![1]);
/** Bytes of a query's shards and record blocks, computed from the files. */
const filesBytes = (q: string) => {
  const d = firstDownload(q, hints, shard);
  return (
    d.shards.reduce((s, i) => s + shardBytes(i), 0) +
    d.blocks.reduce((s, b) => s + blockBytes(b), 0)
  );
};
/** Issue 17's targets for the first query at this site's size (whole download, gzip). */
const MEDIAN_TARGET = 45_000;
const MAX_TARGET = 70_000;

describe('the first search query', () => {
  // 举报 is the commonest word; the others are long colloquial questions, the most expensive kind.
  const QUERIES = [
    '举报',
    '借了高利贷天天有人上门要钱怎么办',
    '孩子老跟社会上的人混在一起咋办',
    '这个法啥时候开始实行',
  ];

  // What the search page itself downloads (HTML, CSS, JS, icon, the service worker's
  // install) and the hints, measured in the browser; used below to check every query.
  let pageAndHints = 0;

  it.each(QUERIES)(
    `“%s” downloads at most ${BUDGETS.firstSearch / 1000} kB gzip in total, and no pagefind`,
    async (q) => {
      const transfers = await firstSearchTransfers(browser, server.url, q);
      const { rows, total } = totalsByType(transfers);
      const message = `search for “${q}” downloaded ${kB(total.gzip)} gzip in ${total.requests} requests (${breakdownOf(rows)})`;
      expect(total.gzip, message).toBeLessThanOrEqual(BUDGETS.firstSearch);
      // And within its measured level + 15% (tests/budgets/ceilings.ts).
      expect(total.gzip, `${message}; measured ${MEASURED_FIRST_SEARCH[q]} B`).toBeLessThanOrEqual(
        ceiling(MEASURED_FIRST_SEARCH[q]!),
      );
      expect(
        rows.filter((r) => r.type.startsWith('pagefind')),
        message,
      ).toEqual([]);
      expect(rows.find((r) => r.type === 'search hints')?.requests, message).toBe(1);
      // Exactly the shards and record blocks computed from the files: the model every query is checked with.
      const d = firstDownload(q, hints, shard);
      const shards = transfers
        .filter((t) => transferLabel(t) === 'search text index')
        .map(numberOfUrl);
      const blocks = transfers
        .filter((t) => transferLabel(t) === 'search records')
        .map(numberOfUrl);
      expect(
        shards.sort((a, b) => a - b),
        message,
      ).toEqual(d.shards);
      expect(
        blocks.sort((a, b) => a - b),
        message,
      ).toEqual(d.blocks);
      pageAndHints = Math.max(pageAndHints, total.gzip - filesBytes(q));
    },
  );

  it(`every query in both query sets stays within ${BUDGETS.firstSearch / 1000} kB gzip, median ≤ ${MEDIAN_TARGET / 1000} kB, max ≤ ${MAX_TARGET / 1000} kB`, () => {
    expect(pageAndHints, 'measured by the browser tests above').toBeGreaterThan(0);
    const sizes = [...loadQueries(), ...loadQueries('tests/search/heldout.yaml')].map(({ q }) => ({
      q,
      bytes: pageAndHints + filesBytes(q),
    }));
    const over = sizes
      .filter((s) => s.bytes > BUDGETS.firstSearch)
      .map((s) => `“${s.q}” ${kB(s.bytes)}`);
    expect(over, `over budget (page and hints ${kB(pageAndHints)} plus the query's files)`).toEqual(
      [],
    );
    const sorted = sizes.map((s) => s.bytes).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted.at(-1)!;
    console.log(
      `first query over ${sizes.length} queries, computed: median ${kB(median)}, max ${kB(max)} (page and hints ${kB(pageAndHints)})`,
    );
    expect(median, `median ${kB(median)}, max ${kB(max)}`).toBeLessThanOrEqual(MEDIAN_TARGET);
    expect(max, `median ${kB(median)}, max ${kB(max)}`).toBeLessThanOrEqual(MAX_TARGET);
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
    for (const l of ['pagefind js', 'pagefind wasm', 'pagefind index', 'pagefind fragment'])
      expect(labels).toContain(l);
    expect(
      total.gzip,
      `full-text search downloaded ${kB(total.gzip)} gzip (${breakdownOf(rows)})`,
    ).toBeLessThanOrEqual(BUDGETS.fullTextSearch);
  });
});
