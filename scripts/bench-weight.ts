/**
 * npm run bench:weight [-- --no-build]
 *
 * Loads the home page, /law/61/, a Q&A page, /report/ and a search in Chromium at
 * 375×812 from a cold cache, and prints the requests and bytes by type, raw and as gzip -9
 * transfer bytes. Then, from dist/, the largest figures per kind of reading page next to
 * their budgets. Figures only: the budgets are asserted by tests/budgets/.
 */
import { launchChromium } from '../tests/harness/browser.ts';
import { startPreview } from '../tests/harness/server.ts';
import { recordTransfers } from '../tests/harness/transfers.ts';
import { readingPages, weighPage } from '../tests/harness/weight.ts';
import { BUDGETS } from '../tests/harness/perf/budgets.ts';
import { totalsByType, type Transfer } from '../tests/harness/perf/network.ts';
import { formatTable } from '../tests/harness/perf/table.ts';
import { benchPages, buildUnlessSkipped, kB, machineLine } from '../tests/harness/bench.ts';

await buildUnlessSkipped();
const { pages, notes } = benchPages();
const server = await startPreview();
const browser = await launchChromium();
const summary: Array<Array<string | number>> = [];
try {
  console.log(
    `\nPage weight in Chromium at 375×812, cold cache; gzip = gzip -9 (raw when smaller). ${machineLine()}`,
  );
  for (const path of pages) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
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
    console.log(
      formatTable(
        ['type', 'requests', 'raw', 'gzip'],
        [...rows, total].map((r) => [r.type, r.requests, kB(r.raw), kB(r.gzip)]),
      ),
    );
    summary.push([decodeURIComponent(path), total.requests, kB(total.raw), kB(total.gzip)]);
  }
  console.log('\nAll pages');
  console.log(formatTable(['page', 'requests', 'raw', 'gzip'], summary));

  // Budget figures over dist/: the largest value per kind of reading page, and which page has it.
  const kinds = new Map<
    string,
    Array<{
      path: string;
      html: number;
      css: number;
      js: number;
      firstView: number;
      critical: number;
      criticalStart: number;
    }>
  >();
  for (const p of readingPages()) {
    const w = await weighPage(p);
    const list = kinds.get(p.kind) ?? [];
    list.push({
      path: p.path,
      html: w.html.gzip,
      css: w.totals.css,
      js: w.totals.js,
      firstView: w.totals.firstView,
      critical: w.totals.critical,
      criticalStart: w.totals.criticalStart,
    });
    kinds.set(p.kind, list);
  }
  const max = (list: Array<Record<string, number | string>>, key: string) =>
    list.reduce((a, b) => ((b[key] as number) > (a[key] as number) ? b : a));
  const cell = (list: Array<Record<string, number | string>>, key: string) =>
    kB(max(list, key)[key] as number);
  console.log('\nBudgets over dist/ (gzip -9; the largest page of each kind; budget in brackets)');
  console.log(
    formatTable(
      [
        'kind',
        'pages',
        'HTML',
        'CSS',
        'JS',
        'first view',
        'HTML + blocking CSS/JS',
        'largest HTML',
      ],
      [...kinds].map(([kind, list]) => [
        kind,
        list.length,
        `${cell(list, 'html')} (${kB(kind === 'law-full' ? BUDGETS.htmlFullText : BUDGETS.html)})`,
        `${cell(list, 'css')} (${kB(BUDGETS.css)})`,
        `${cell(list, 'js')} (${kB(BUDGETS.js)})`,
        `${cell(list, 'firstView')} (${kB(BUDGETS.firstView)})`,
        // /law/ is held to it by the start of its HTML (through the first chapter); see budgets.ts.
        kind === 'law-full'
          ? `${cell(list, 'criticalStart')} (${kB(BUDGETS.critical)}); whole page ${cell(list, 'critical')}`
          : `${cell(list, 'critical')} (${kB(BUDGETS.critical)})`,
        max(list, 'html').path as string,
      ]),
    ),
  );
  for (const n of notes) console.log(`Note: ${n}`);
} finally {
  await browser.close();
  await server.stop();
}
