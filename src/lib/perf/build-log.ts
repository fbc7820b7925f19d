/**
 * Reading timings out of `astro build` output, for the scale benchmark. Pure.
 * The pagefind line is written by src/integrations/pagefind.ts through pagefindSummary(),
 * so the format is defined here once. Astro's own lines are read best-effort: a field is
 * undefined when a future Astro words them differently.
 */

export interface PagefindTiming {
  pages: number;
  ms: number;
  /** Reading and indexing the HTML files. */
  addMs: number;
  /** Writing the index, fragments and the search code. */
  writeMs: number;
}

export function pagefindSummary(t: PagefindTiming): string {
  return `pagefind indexed ${t.pages} pages in ${t.ms} ms (reading ${t.addMs} ms, writing ${t.writeMs} ms)`;
}

export interface BuildLog {
  pagefind?: PagefindTiming | undefined;
  /** Astro's count of pages and its own total, without the integrations that run after it. */
  pages?: number | undefined;
  astroMs?: number | undefined;
  /** Vite bundling (all "[vite] ✓ built in" lines added up). */
  bundleMs?: number | undefined;
  /** Rendering the static routes. */
  renderMs?: number | undefined;
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** "16.40s" → 16400, "28ms" → 28, "1m 2s" → 62000. */
export function parseDuration(s: string): number | undefined {
  const t = s.trim();
  const m = /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)$/.exec(t);
  if (!m) return undefined;
  const minutes = m[1] ? Number(m[1]) * 60_000 : 0;
  return minutes + (m[3] === 'ms' ? Number(m[2]) : Math.round(Number(m[2]) * 1000));
}

export function parseBuildLog(output: string): BuildLog {
  const text = stripAnsi(output);
  const out: BuildLog = {};
  const pf = /pagefind indexed (\d+) pages in (\d+) ms \(reading (\d+) ms, writing (\d+) ms\)/.exec(text);
  if (pf) out.pagefind = { pages: Number(pf[1]), ms: Number(pf[2]), addMs: Number(pf[3]), writeMs: Number(pf[4]) };
  const built = /\[build\] (\d+) page\(s\) built in ([\d.]+m?s|\d+m\s*[\d.]+s)/.exec(text);
  if (built) {
    out.pages = Number(built[1]);
    out.astroMs = parseDuration(built[2]!);
  }
  const vite = [...text.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].map((m) => parseDuration(m[1]!) ?? 0);
  if (vite.length) out.bundleMs = vite.reduce((a, b) => a + b, 0);
  const render = /generating static routes[\s\S]*?✓ Completed in ([\d.]+m?s)/.exec(text);
  if (render) out.renderMs = parseDuration(render[1]!);
  return out;
}
