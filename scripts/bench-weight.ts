/**
 * npm run bench:weight [-- --no-build]
 *
 * Loads the home page, /law/61/, a Q&A page, /report/ and a search in Chromium at
 * 375×812 from a cold cache, and prints the requests and bytes by type, raw and as gzip -9
 * transfer bytes. Figures only: the budgets are asserted by tests/budgets/.
 */
import { launchChromium } from '../tests/helpers/browser.ts';
import { startPreview } from '../tests/helpers/server.ts';
import { recordTransfers } from '../tests/helpers/transfers.ts';
import { totalsByType, type Transfer } from '../src/lib/perf/network.ts';
import { formatTable } from '../src/lib/perf/table.ts';
import { benchPages, buildUnlessSkipped, kB, machineLine } from './bench/common.ts';

await buildUnlessSkipped();
const { pages, notes } = benchPages();
const server = await startPreview();
const browser = await launchChromium();
const summary: Array<Array<string | number>> = [];
try {
  console.log(`\nPage weight in Chromium at 375×812, cold cache; gzip = gzip -9 (raw when smaller). ${machineLine()}`);
  for (const path of pages) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const log = recordTransfers(context);
    let transfers: Transfer[];
    try {
      const page = await context.newPage();
      await page.goto(server.url + path, { waitUntil: 'load' });
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
      await page.waitForLoadState('networkidle');
      await log.settled();
      transfers = log.transfers;
    } finally {
      log.stop();
      await context.close();
    }
    const { rows, total } = totalsByType(transfers);
    console.log(`\n${decodeURIComponent(path)}`);
    console.log(formatTable(['type', 'requests', 'raw', 'gzip'], [...rows, total].map((r) => [r.type, r.requests, kB(r.raw), kB(r.gzip)])));
    summary.push([decodeURIComponent(path), total.requests, kB(total.raw), kB(total.gzip)]);
  }
  console.log('\nAll pages');
  console.log(formatTable(['page', 'requests', 'raw', 'gzip'], summary));
  for (const n of notes) console.log(`Note: ${n}`);
} finally {
  await browser.close();
  await server.stop();
}
