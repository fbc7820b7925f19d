import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeTextIndex } from '../../src/integrations/search-text-index.ts';
import { AUDIENCES, TOPICS } from '../../src/lib/content/schemas.ts';
import { totalsByType, transferLabel, type Transfer } from '../harness/perf/network.ts';
import { syntheticQa } from '../harness/perf/synthetic-qa.ts';
import { transferSize } from '../harness/perf/transfer.ts';
import type { HintPage, SearchHints } from '../../src/lib/search/hints.ts';
import { firstDownload } from '../../src/lib/search/rank.ts';
import type { TextShard } from '../../src/lib/search/text-index.ts';
import { launchChromium } from '../harness/browser.ts';
import { DIST } from '../harness/dist.ts';
import { loadQueries } from '../harness/search-eval.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { firstSearchTransfers } from '../harness/transfers.ts';
import type { RunningServer } from '../harness/server.ts';

// The first search query at 10,000 pages, without building a 10,000-page site (that is
// `npm run bench:scale`): the built search page with a search index written from 10,000
// synthetic Q&A texts (src/lib/perf/synthetic-qa.ts) by the real index writer. Chromium's
// own count of what a query downloads must match the figure computed from the file sizes,
// which then checks every query of both query sets against issue 17's targets at 10,000:
// median ≤ 60 kB, max ≤ 100 kB gzip, the page and the service worker's install included.
const PAGES = 10_000;
const MEDIAN_TARGET = 60_000;
const MAX_TARGET = 100_000;
// Words of the synthetic texts (a common one first), and long questions made of them. The
// index holds synthetic pages only: questions about the site's real topics (借了高利贷天天
// 有人上门要钱怎么办, 保护伞是什么意思) rightly find nothing there, and the measurement
// needs results to wait for.
const QUERIES = [
  '村里',
  '工地老板不给工钱怎么办',
  '邻居家门口天天有人吵闹怎么办',
  '学校门口有人要钱怎么办',
];

let dir: string;
let server: RunningServer;
let browser: Browser;
let hints: SearchHints;

const files = () => join(dir, hints.x!.dir);
const shard = (i: number) =>
  JSON.parse(readFileSync(join(files(), `${i}.json`), 'utf8')) as TextShard;
const filesBytes = (q: string) => {
  const d = firstDownload(q, hints, shard);
  return (
    d.shards.reduce((n, i) => n + transferSize(readFileSync(join(files(), `${i}.json`))), 0) +
    d.blocks.reduce((n, b) => n + transferSize(readFileSync(join(files(), `p${b}.json`))), 0)
  );
};
const numberOfUrl = (t: Transfer) => Number(/\/p?(\d+)\.json$/.exec(t.url)![1]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'search-scale-'));
  // The built site's pages and scripts, without its own search index, posters or pagefind.
  cpSync(resolve(DIST), dir, {
    recursive: true,
    filter: (src) => !/[/\\](posters|pagefind|search-index|q)([/\\]|$)/.test(src),
  });
  const real = JSON.parse(readFileSync(join(DIST, 'search-hints.json'), 'utf8')) as SearchHints;
  const pages: HintPage[] = [];
  const texts: Array<{ url: string; text: string }> = [];
  for (let i = 0; i < PAGES; i++) {
    const q = syntheticQa(i, PAGES, { topics: TOPICS, audiences: AUDIENCES });
    const [, front, body] = q.text.split(/^---$/m);
    const data = parse(front!) as { title: string; answer: string; keywords: string[] };
    const url = `/qa/${q.slug}/`;
    pages.push({ u: url, t: data.title, k: '问答', d: data.answer, w: data.keywords });
    texts.push({ url, text: `${data.title}\n${data.answer}\n${body!.replace(/[#-]/g, '')}` });
  }
  // As the page endpoint writes it, before the index writer moves the pages out.
  writeFileSync(
    join(dir, 'search-hints.json'),
    JSON.stringify({ pages, terms: real.terms.map((t) => ({ ...t, p: [] })) }),
  );
  writeTextIndex(dir, texts);
  hints = JSON.parse(readFileSync(join(dir, 'search-hints.json'), 'utf8')) as SearchHints;
  server = await startStaticServer({ dir });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`the first search query over ${PAGES.toLocaleString('en-US')} pages`, () => {
  let pageAndHints = 0;

  it.each(QUERIES)(
    '“%s”: Chromium downloads exactly the computed shards and record blocks',
    async (q) => {
      const transfers = await firstSearchTransfers(browser, server.url, q);
      const { total } = totalsByType(transfers);
      const d = firstDownload(q, hints, shard);
      expect(d.shards.length).toBeGreaterThan(0);
      expect(
        transfers
          .filter((t) => transferLabel(t) === 'search text index')
          .map(numberOfUrl)
          .sort((a, b) => a - b),
      ).toEqual(d.shards);
      expect(
        transfers
          .filter((t) => transferLabel(t) === 'search records')
          .map(numberOfUrl)
          .sort((a, b) => a - b),
      ).toEqual(d.blocks);
      const rest = total.gzip - filesBytes(q);
      // The rest (page, scripts, hints, the worker's install, which may or may not finish
      // before the network goes quiet) is about the same for every query; the largest is used.
      // The tolerance holds the worker's install (about 6.4 kB gzip) plus 3 kB: whether the
      // install lands inside the measured window depends on timing, not on the query.
      if (pageAndHints)
        expect(
          Math.abs(rest - pageAndHints),
          `page and hints ${rest} B, before ${pageAndHints} B`,
        ).toBeLessThan(10_000);
      pageAndHints = Math.max(pageAndHints, rest);
    },
  );

  it(`every query of both query sets: median ≤ ${MEDIAN_TARGET / 1000} kB, max ≤ ${MAX_TARGET / 1000} kB gzip`, () => {
    expect(pageAndHints).toBeGreaterThan(0);
    const sizes = [...loadQueries(), ...loadQueries('tests/search/heldout.yaml')]
      .map((c) => pageAndHints + filesBytes(c.q))
      .sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    const max = sizes.at(-1)!;
    console.log(
      `first query at ${PAGES} pages over ${sizes.length} queries, computed: median ${median} B, max ${max} B (page and hints ${pageAndHints} B)`,
    );
    expect(median).toBeLessThanOrEqual(MEDIAN_TARGET);
    expect(max).toBeLessThanOrEqual(MAX_TARGET);
  });
});
