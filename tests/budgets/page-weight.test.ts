import { describe, expect, it } from 'vitest';
import { budgetProblems } from '../harness/perf/budgets.ts';
import { readingPages, weighPage } from '../harness/weight.ts';

// Page-weight budgets over dist/ as built by `npm test` (issue 8). Every reading page is
// found by its URL pattern, so pages other features add later are checked too.
const pages = readingPages();

describe('reading pages', () => {
  it('are found: the home page, the full text, every law article', () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/');
    expect(paths).toContain('/law/');
    for (let n = 1; n <= 77; n++) expect(paths, `/law/${n}/`).toContain(`/law/${n}/`);
  });
});

describe('page-weight budgets', () => {
  it.each(pages.map((p) => [p.path, p] as const))('%s stays within its budgets', async (_path, p) => {
    const w = await weighPage(p);
    expect(budgetProblems(w, p.kind)).toEqual([]);
  });
});

describe('print styles', () => {
  it('reach every reading page through a stylesheet linked with media="print"', async () => {
    const without: string[] = [];
    for (const p of pages) if (!(await weighPage(p)).css.some((c) => c.printOnly)) without.push(p.path);
    expect(without).toEqual([]);
  });
});
