/**
 * npm run bench:lighthouse [-- --no-build] [--runs 3]
 *
 * Runs Lighthouse (npm package) in its default mobile configuration (Moto G Power
 * emulation, simulated slow 4G, 4× CPU slowdown) against the built site in Debian's
 * Chromium, on the same pages as bench:weight, and prints the four category scores and
 * the paint metrics, each the median of --runs runs. The target is 100 in each. Audits
 * that did not pass in any run are listed under the table.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/harness/browser.ts';
import { startPreview } from '../tests/harness/server.ts';
import { median } from '../tests/harness/perf/stats.ts';
import { formatTable } from '../tests/harness/perf/table.ts';
import { benchPages, buildUnlessSkipped, machineLine } from '../tests/harness/bench.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['first-contentful-paint', 'FCP', (v: number) => `${(v / 1000).toFixed(1)} s`],
  ['largest-contentful-paint', 'LCP', (v: number) => `${(v / 1000).toFixed(1)} s`],
  ['total-blocking-time', 'TBT', (v: number) => `${Math.round(v)} ms`],
  ['cumulative-layout-shift', 'CLS', (v: number) => v.toFixed(3)],
] as const;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg === -1 ? 3 : Number(process.argv[runsArg + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('usage: --runs 3');

await buildUnlessSkipped();
const { pages, notes } = benchPages();
const server = await startPreview();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_ARGS,
  logLevel: 'silent',
});
const rows: Array<Array<string | number>> = [];
const findings = new Set<string>();
try {
  console.log(
    `\nLighthouse, mobile configuration, Debian Chromium, median of ${RUNS} run(s). ${machineLine()}`,
  );
  for (const path of pages) {
    const scores: number[][] = CATEGORIES.map(() => []);
    const metrics: number[][] = METRICS.map(() => []);
    for (let r = 0; r < RUNS; r++) {
      const result = await lighthouse(server.url + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
      CATEGORIES.forEach((c, i) =>
        scores[i]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100)),
      );
      METRICS.forEach(([id], i) => metrics[i]!.push(lhr.audits[id]?.numericValue ?? NaN));
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (
            !a ||
            ref.weight === 0 ||
            a.score === null ||
            a.score >= 1 ||
            a.scoreDisplayMode === 'notApplicable' ||
            a.scoreDisplayMode === 'informative'
          )
            continue;
          findings.add(`${decodeURIComponent(path)} · ${c} · ${a.id}: ${a.title}`);
        }
      }
    }
    rows.push([
      decodeURIComponent(path),
      ...scores.map((xs) => median(xs)),
      ...METRICS.map(([, , fmt], i) => fmt(median(metrics[i]!))),
    ]);
  }
  console.log(
    formatTable(
      [
        'page',
        'performance',
        'accessibility',
        'best practices',
        'SEO',
        ...METRICS.map(([, label]) => label),
      ],
      rows,
    ),
  );
  console.log(
    findings.size
      ? `\nAudits that did not pass in at least one run:\n${[...findings].map((f) => '  - ' + f).join('\n')}`
      : '\nEvery scored audit passed in every run.',
  );
  for (const n of notes) console.log(`Note: ${n}`);
} finally {
  chrome.kill();
  await server.stop();
}
