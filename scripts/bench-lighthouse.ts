/**
 * npm run bench:lighthouse [-- --no-build]
 *
 * Runs Lighthouse (npm package) in its default mobile configuration (Moto G Power
 * emulation, simulated slow 4G, 4× CPU slowdown) against the built site in Debian's
 * Chromium, on the same pages as bench:weight, and prints the four category scores.
 * The target is 100 in each. Audits that did not pass are listed under the table.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { startPreview } from '../tests/helpers/server.ts';
import { formatTable } from '../src/lib/perf/table.ts';
import { benchPages, buildUnlessSkipped, machineLine } from './bench/common.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

await buildUnlessSkipped();
const { pages, notes } = benchPages();
const server = await startPreview();
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
const rows: Array<Array<string | number>> = [];
const findings: string[] = [];
try {
  console.log(`\nLighthouse, mobile configuration, Debian Chromium. ${machineLine()}`);
  for (const path of pages) {
    const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
    const score = (c: string) => {
      const s = lhr.categories[c]?.score;
      return s === null || s === undefined ? '–' : Math.round(s * 100);
    };
    const m = (id: string) => lhr.audits[id]?.displayValue ?? '–';
    rows.push([decodeURIComponent(path), ...CATEGORIES.map(score), m('first-contentful-paint'), m('largest-contentful-paint'), m('total-blocking-time'), m('cumulative-layout-shift')]);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (!a || ref.weight === 0 || a.score === null || a.score >= 1 || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'informative') continue;
        findings.push(`${decodeURIComponent(path)} · ${c} · ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      }
    }
  }
  console.log(formatTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'], rows));
  console.log(findings.length ? `\nAudits that did not pass:\n${findings.map((f) => '  - ' + f).join('\n')}` : '\nEvery scored audit passed.');
  for (const n of notes) console.log(`Note: ${n}`);
} finally {
  chrome.kill();
  await server.stop();
}
