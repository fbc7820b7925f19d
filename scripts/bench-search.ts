// `npm run bench:search`: runs the resident-style query set (tests/search/queries.yaml)
// against the built site in Chromium and prints recall@5, MRR, latency and the misses.
// `--baseline` measures plain pagefind with default settings instead of the site's search.
// Needs a build first (npm run build).
import { launchChromium } from '../tests/harness/browser.ts';
import { loadQueries, runPlainPagefind, runSiteSearch, summarise, type QueryOutcome } from '../tests/harness/search-eval.ts';
import { startPreview } from '../tests/harness/server.ts';

const baseline = process.argv.includes('--baseline');
const queries = loadQueries();
const server = await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const outcomes: QueryOutcome[] = [];
  for (const c of queries) outcomes.push(await (baseline ? runPlainPagefind : runSiteSearch)(page, server.url, c));
  const s = summarise(outcomes);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`\n${baseline ? 'Plain pagefind (default settings)' : 'Site search'} on ${queries.length} queries (${s.answerable} answerable)`);
  console.log(`recall@5: ${(s.recall5 * 100).toFixed(1)}%   MRR: ${s.mrr.toFixed(3)}   unknown-word queries with a top result: ${s.irrelevantTops}`);
  console.log(`latency after the last keystroke (ms): median ${pct(0.5)}, p90 ${pct(0.9)}, max ${times.at(-1)}`);
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  console.log('\nby kind:');
  for (const k of kinds) {
    const sub = summarise(outcomes.filter((o) => o.kind === k));
    console.log(`  ${k.padEnd(11)} ${String(outcomes.filter((o) => o.kind === k).length).padStart(3)} queries  recall@5 ${Number.isNaN(sub.recall5) ? '   —' : (sub.recall5 * 100).toFixed(0).padStart(4) + '%'}`);
  }
  const misses = outcomes.filter((o) => (o.expect.length > 0 && o.rank === 0) || (o.expect.length === 0 && o.got.length > 0));
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m.q}  expected ${m.expect.join(' ') || '(nothing)'}  got ${m.got.join(' ') || '(nothing)'}`);
} finally {
  await browser.close();
  await server.stop();
}
