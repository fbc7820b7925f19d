import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGEFIND_TIMING_FILE, type PagefindTiming } from '../../src/integrations/pagefind.ts';
import { readPagefindTiming } from '../harness/perf/build-log.ts';

// The scale benchmark reads pagefind's figures from the file the integration writes into
// the cache folder (.astro/ for `npm run build`); this checks the last build wrote them.
describe("pagefind's timing file", () => {
  it('holds the number of pages pagefind indexed and its timings', () => {
    const file = `.astro/${PAGEFIND_TIMING_FILE}`;
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
    const t = readPagefindTiming('.astro') as PagefindTiming;
    expect(t).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    // Every page in pagefind's own metadata was indexed; the count is what it reported.
    const meta = readFileSync('dist/pagefind/pagefind-entry.json', 'utf8');
    const pages = (JSON.parse(meta) as { languages: Record<string, { page_count: number }> }).languages;
    expect(t.pages).toBe(Object.values(pages).reduce((n, l) => n + l.page_count, 0));
    expect(t.ms).toBeGreaterThan(0);
    expect(t.addMs + t.writeMs).toBeLessThanOrEqual(t.ms + 1);
  });
});
