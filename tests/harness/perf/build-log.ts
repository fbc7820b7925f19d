import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGEFIND_TIMING_FILE, type PagefindTiming } from '../../../src/integrations/pagefind.ts';

/**
 * Timings of one `astro build`, for the scale benchmark. Astro's own lines are read from its
 * output, best-effort: a field is undefined when a future Astro words them differently.
 * Pagefind's figures come from the file the site's pagefind integration writes into the
 * build's cache folder (src/integrations/pagefind.ts, PAGEFIND_TIMING_FILE), not from a log line.
 */

/** The pagefind figures of the last build that used `cacheDir`; undefined when there are none. */
export function readPagefindTiming(cacheDir: string): PagefindTiming | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, PAGEFIND_TIMING_FILE), 'utf8')) as PagefindTiming;
  } catch {
    return undefined;
  }
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

/** Astro's figures from its build output; `pagefind` is left for readPagefindTiming(). */
export function parseBuildLog(output: string): BuildLog {
  const text = stripAnsi(output);
  const out: BuildLog = {};
  const built = /\[build\] (\d+) page\(s\) built in ([\d.]+m?s|\d+m\s*[\d.]+s)/.exec(text);
  if (built) {
    out.pages = Number(built[1]);
    out.astroMs = parseDuration(built[2]!);
  }
  const vite = [...text.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].map(
    (m) => parseDuration(m[1]!) ?? 0,
  );
  if (vite.length) out.bundleMs = vite.reduce((a, b) => a + b, 0);
  const render = /generating static routes[\s\S]*?✓ Completed in ([\d.]+m?s)/.exec(text);
  if (render) out.renderMs = parseDuration(render[1]!);
  return out;
}
