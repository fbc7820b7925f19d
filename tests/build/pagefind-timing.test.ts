import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGEFIND_TIMING_FILE, type PagefindTiming } from '../../src/integrations/pagefind.ts';
import { htmlPages } from '../harness/dist.ts';
import { readPagefindTiming } from '../harness/perf/build-log.ts';

// The scale benchmark reads pagefind's figures from the file the integration writes into
// the cache folder (.astro/ for `npm run build`); this checks the last build wrote them.
describe("pagefind's timing file", () => {
  it('holds the number of HTML files pagefind read and its timings', () => {
    const file = `.astro/${PAGEFIND_TIMING_FILE}`;
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
    const t = readPagefindTiming('.astro') as PagefindTiming;
    expect(t).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    // pagefind reads every HTML file (and indexes those with data-pagefind-body).
    expect(t.pages).toBe(htmlPages().length);
    expect(t.ms).toBeGreaterThan(0);
    expect(t.addMs + t.writeMs).toBeLessThanOrEqual(t.ms + 1);
  });
});
