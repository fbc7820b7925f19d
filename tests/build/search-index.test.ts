import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transferSize } from '../harness/perf/transfer.ts';
import { DIST, htmlPages, page } from '../harness/dist.ts';
import { loadDistSearch } from '../helpers/dist-search.ts';

// Runs over dist/ as built by `npm test`: the text index the search page's first stage uses.
const { hints, x, shards, records, search } = loadDistSearch();

/** Pages pagefind indexes: those with data-pagefind-body. */
const indexed = htmlPages()
  .map((p) => p.path)
  .filter((p) => page(p).querySelector('[data-pagefind-body]'));

describe('the search text index in dist/', () => {
  it('is recorded in search-hints.json, with every shard written', () => {
    expect(x).toBeDefined();
    expect(x.s).toBeGreaterThanOrEqual(8);
    expect(shards.size).toBe(x.s);
  });

  it('no longer lists pages in search-hints.json: its size does not grow with the site', () => {
    expect(hints.pages).toBeUndefined();
    expect(records.length).toBe(x.n);
    // Glossary terms and the manifest only: the synonyms travel in the shards.
    expect(transferSize(readFileSync(`${DIST}/search-hints.json`))).toBeLessThan(3_000);
  });

  it('has every page pagefind indexes in the page records, so every one can be a result', () => {
    const inHints = new Set(records.map((p) => p.u));
    expect(indexed.length).toBeGreaterThan(140);
    expect(indexed.filter((p) => !inHints.has(p))).toEqual([]);
  });

  it('finds every indexed page by its own title', () => {
    const byPath = new Map(records.map((p) => [p.u, p]));
    const lost = indexed.filter((p) => !search(byPath.get(p)!.t).includes(p));
    expect(lost).toEqual([]);
  });

  it('finds words from deep in a page body, beyond its title and summary', () => {
    // Article 61, item 6 (其他必要的保护措施) is not in its title or its hint snippet.
    const hit = search('其他必要的保护措施');
    expect(hit).toContain('/law/61/');
    expect(records.find((p) => p.u === '/law/61/')!.d).not.toContain('其他必要');
  });

  it('finds an article by its number', () => {
    expect(search('第61条')[0]).toBe('/law/61/');
    expect(search('61条')[0]).toBe('/law/61/');
  });

  it('numbers pages type by type, so the type filter is an id range', () => {
    for (const [k, from, to] of x.k)
      for (let id = from; id < to; id++) expect(records[id]!.k, records[id]!.u).toBe(k);
  });
});
