import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { page } from '../harness/dist.ts';
import { BUDGETS } from '../harness/perf/budgets.ts';
import { root, pages, qaPages, gz, distFile } from '../helpers/reading-pages.ts';

// What JavaScript a reading page runs before the reader touches anything.
describe('JavaScript before the reader interacts, on reading pages', () => {
  // Budget BUDGETS.js (1.5 kB gzip): the blocking preference script and the page's module scripts
  // with what they import statically. Chunks loaded on demand (朗读, 复制链接) do not count.
  const reading = ['/', '/law/', '/law/61/', '/report/', qaPages[0]!.path];
  it.each(reading)(`%s stays within ${BUDGETS.js} bytes gzip`, (path) => {
    const doc = page(path);
    const files = new Set<string>();
    const add = (url: string) => {
      const file = distFile(url);
      if (files.has(file)) return;
      files.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:^|[;}])\s*import\s*(?:[\w{}\s,*]+from\s*)?["']([^"']+)["']/g,
      ))
        add(new URL(m[1]!, new URL(url, root)).href);
    };
    for (const s of doc.querySelectorAll('script[src]')) add(s.getAttribute('src')!);
    for (const l of doc.querySelectorAll('link[rel="modulepreload"]')) add(l.getAttribute('href')!);
    const total = [...files].reduce((n, f) => n + gz(f), 0);
    expect(files.size).toBeGreaterThan(0);
    expect(total, [...files].join(', ')).toBeLessThanOrEqual(BUDGETS.js);
  });

  it('the only inline scripts are JSON-LD data blocks', () => {
    for (const p of pages) {
      for (const s of page(p.path).querySelectorAll('script:not([src])'))
        expect(s.getAttribute('type'), p.path).toBe('application/ld+json');
    }
  });
});
