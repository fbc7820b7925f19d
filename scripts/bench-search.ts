// `npm run bench:search`: runs the resident-style query sets against the built site in
// Chromium and prints recall@5, MRR, the unknown-word queries that show a result, and
// latency, for each set:
//  - tests/search/queries.yaml, the tuning set: also by kind, with every miss;
//  - tests/search/tuning-2.yaml and tuning-3.yaml, two more tuning sets (90 and 100
//    queries written from the content by helpers who had seen neither the search code
//    nor the other sets): the same;
//  - tests/search/heldout.yaml, the held-out set, written by someone who had not seen the
//    search code: aggregate figures only, so nobody tunes on its misses. `--heldout-misses`
//    lists them, for the end of a piece of work only; `--tuning-only` skips it while tuning.
// `--scale-dir <dir>` measures a site that `npm run bench:scale -- --keep` built.
// `--baseline` measures plain pagefind with default settings instead of the site's search.
// Needs a build first (npm run build).
import { launchChromium } from '../tests/harness/browser.ts';
import {
  loadQueries,
  runPlainPagefind,
  runSiteSearch,
  summarise,
  type QueryCase,
  type QueryOutcome,
} from '../tests/harness/search-eval.ts';
import { startPreview } from '../tests/harness/server.ts';

const baseline = process.argv.includes('--baseline');
const heldoutMisses = process.argv.includes('--heldout-misses');
const tuningOnly = process.argv.includes('--tuning-only');
const ALL_SETS = [
  {
    name: 'tuning set (tests/search/queries.yaml)',
    file: 'tests/search/queries.yaml',
    details: true,
  },
  {
    name: 'second tuning set (tests/search/tuning-2.yaml)',
    file: 'tests/search/tuning-2.yaml',
    details: true,
  },
  {
    name: 'third tuning set (tests/search/tuning-3.yaml)',
    file: 'tests/search/tuning-3.yaml',
    details: true,
  },
  {
    name: 'held-out set (tests/search/heldout.yaml)',
    file: 'tests/search/heldout.yaml',
    details: heldoutMisses,
  },
];
// `--tuning-only` while tuning: the held-out figures are not even looked at.
const SETS = tuningOnly ? ALL_SETS.slice(0, 3) : ALL_SETS;

// `--scale-dir <dir>`: a set that `npm run bench:scale -- --keep` kept (its content/, dist/
// and cache/), so the same queries and latency are measured at 10,000 Q&A.
const scaleDir = process.argv.includes('--scale-dir')
  ? process.argv[process.argv.indexOf('--scale-dir') + 1]
  : undefined;
const server = scaleDir
  ? await startPreview(undefined, {
      args: ['--config', 'scripts/bench/astro.config.bench.mjs'],
      env: {
        CONTENT_DIR: `${scaleDir}/content`,
        BENCH_OUT_DIR: `${scaleDir}/dist`,
        BENCH_CACHE_DIR: `${scaleDir}/cache`,
      },
    })
  : await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const set of SETS) {
    const queries: QueryCase[] = loadQueries(set.file);
    const outcomes: QueryOutcome[] = [];
    for (const c of queries)
      outcomes.push(await (baseline ? runPlainPagefind : runSiteSearch)(page, server.url, c));
    const s = summarise(outcomes);
    const unknown = outcomes.filter((o) => o.expect.length === 0).length;
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    console.log(
      `\n${baseline ? 'Plain pagefind (default settings)' : 'Site search'}, ${set.name}: ${queries.length} queries (${s.answerable} answerable)`,
    );
    console.log(
      `recall@5: ${(s.recall5 * 100).toFixed(1)}%   MRR: ${s.mrr.toFixed(3)}   unknown-word queries with a result: ${s.irrelevantTops} of ${unknown}`,
    );
    console.log(
      `latency after the last keystroke (ms): median ${pct(0.5)}, p90 ${pct(0.9)}, max ${times.at(-1)}`,
    );
    if (!set.details) continue;
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 8);
    console.log(`slowest: ${slowest.map((o) => `${o.q} ${o.ms} ms`).join(' · ')}`);
    const kinds = [...new Set(outcomes.map((o) => o.kind))];
    console.log('by kind:');
    for (const k of kinds) {
      const sub = summarise(outcomes.filter((o) => o.kind === k));
      console.log(
        `  ${k.padEnd(11)} ${String(outcomes.filter((o) => o.kind === k).length).padStart(3)} queries  recall@5 ${Number.isNaN(sub.recall5) ? '   —' : (sub.recall5 * 100).toFixed(0).padStart(4) + '%'}`,
      );
    }
    const misses = outcomes.filter(
      (o) => (o.expect.length > 0 && o.rank === 0) || (o.expect.length === 0 && o.got.length > 0),
    );
    console.log(`misses (${misses.length}):`);
    for (const m of misses)
      console.log(
        `  ${m.q}  expected ${m.expect.join(' ') || '(nothing)'}  got ${m.got.join(' ') || '(nothing)'}`,
      );
  }
} finally {
  await browser.close();
  await server.stop();
}
