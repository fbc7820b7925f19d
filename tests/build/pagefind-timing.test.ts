import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGEFIND_TIMING_FILE, type PagefindTiming } from '../../src/integrations/pagefind.ts';
import { htmlPages, page } from '../harness/dist.ts';
import { readPagefindTiming } from '../harness/perf/build-log.ts';

// The scale benchmark reads pagefind's figures from the file the integration writes into
// the cache folder (.astro/ for `npm run build`); this checks the last build wrote them.
describe("pagefind's timing file", () => {
  it('holds the number of pages pagefind read (searchable folders only) and its timings', () => {
    const file = `.astro/${PAGEFIND_TIMING_FILE}`;
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
    const t = readPagefindTiming('.astro') as PagefindTiming;
    expect(t).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    // pagefind gets the pages with data-pagefind-body as they are rendered (or, with none
    // fed, reads the folders of searchable pages): never posters or short links.
    const indexed = htmlPages().filter((p) => page(p.path).querySelector('[data-pagefind-body]'));
    expect(t.pages).toBeGreaterThanOrEqual(indexed.length);
    const unread = htmlPages().filter(
      (p) => p.path.startsWith('/posters/') || p.path.startsWith('/q/'),
    );
    expect(unread.length).toBeGreaterThan(200);
    expect(t.pages).toBeLessThanOrEqual(htmlPages().length - unread.length);
    expect(t.textIndexMs).toBeGreaterThan(0);
    expect(t.ms).toBeGreaterThan(0);
    expect(t.addMs + t.writeMs).toBeLessThanOrEqual(t.ms + 1);
  });
});
