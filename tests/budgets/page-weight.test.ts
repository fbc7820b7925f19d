import { describe, expect, it } from 'vitest';
import { budgetProblems, type ReadingPageKind } from '../harness/perf/budgets.ts';
import { readingPages, weighPage } from '../harness/weight.ts';
import { ceiling, HEADROOM, MEASURED_PAGE_WEIGHT } from './ceilings.ts';

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
  it.each(pages.map((p) => [p.path, p] as const))(
    '%s stays within its budgets',
    async (_path, p) => {
      const w = await weighPage(p);
      expect(budgetProblems(w, p.kind)).toEqual([]);
    },
  );
});

describe('regression ceilings', () => {
  const kinds = Object.keys(MEASURED_PAGE_WEIGHT) as ReadingPageKind[];
  it.each(kinds)(
    `the heaviest %s page stays within the measured level + ${Math.round((HEADROOM - 1) * 100)}%`,
    async (kind) => {
      const weights = await Promise.all(
        pages.filter((p) => p.kind === kind).map((p) => weighPage(p)),
      );
      expect(weights.length).toBeGreaterThan(0);
      const heaviest = {
        html: Math.max(...weights.map((w) => w.html.gzip)),
        css: Math.max(...weights.map((w) => w.totals.css)),
        js: Math.max(...weights.map((w) => w.totals.js)),
        firstView: Math.max(...weights.map((w) => w.totals.firstView)),
        critical: Math.max(
          ...weights.map((w) => (kind === 'law-full' ? w.totals.criticalStart : w.totals.critical)),
        ),
      };
      const over = Object.entries(MEASURED_PAGE_WEIGHT[kind])
        .filter(([k, measured]) => heaviest[k as keyof typeof heaviest] > ceiling(measured))
        .map(
          ([k, measured]) =>
            `${k}: ${heaviest[k as keyof typeof heaviest]} B, measured ${measured} B, ceiling ${ceiling(measured)} B`,
        );
      expect(
        over,
        `heaviest ${kind} page now: ${JSON.stringify(heaviest)} (tests/budgets/ceilings.ts)`,
      ).toEqual([]);
    },
  );
});

describe('print styles', () => {
  it('reach every reading page through a stylesheet linked with media="print"', async () => {
    const without: string[] = [];
    for (const p of pages)
      if (!(await weighPage(p)).css.some((c) => c.printOnly)) without.push(p.path);
    expect(without).toEqual([]);
  });
});
