import { describe, expect, it } from 'vitest';
import {
  OFFLINE_BUDGET_GZIP,
  qaLinkOrder,
  selectOfflinePages,
} from '../../src/lib/offline/select-pages.ts';

const law = Array.from({ length: 3 }, (_, i) => ({ path: `/law/${i + 1}/`, z: 2_000 }));
const fixed = [
  { path: '/law/', z: 10_000 },
  ...law,
  { path: '/qa/', z: 5_000 },
  { path: '/report/', z: 4_000 },
  { path: '/search/', z: 2_000 },
];
const qa = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/qa/q${i}/`, z: 3_000 }));

describe('selectOfflinePages', () => {
  it('keeps every page when everything fits the budget', () => {
    const pages = [...fixed, ...qa(10)];
    const s = selectOfflinePages(pages, [], { fixed: 50_000, search: 20_000 });
    expect(s).toEqual({ kept: pages.map((p) => p.path), partial: false });
    expect(OFFLINE_BUDGET_GZIP).toBeGreaterThan(8_500_000); // a 2,000-Q&A site (8.5 MB) still fits whole
  });

  it('over the budget: the law, 我要举报 and the lists always, then Q&A in the order of /qa/', () => {
    const pages = [...fixed, ...qa(10)];
    const order = ['/qa/q9/', '/qa/q3/', '/qa/q5/'];
    // Fixed pages 27 kB + 1 kB of search each; room for two answers at 3 kB + 1 kB.
    const budget = 1_000 + 27_000 + 8_000 + 8_000 + 500;
    const s = selectOfflinePages(pages, order, { fixed: 1_000, search: 16_000 }, budget);
    expect(s.partial).toBe(true);
    expect(s.kept).toEqual([...fixed.map((p) => p.path), '/qa/q3/', '/qa/q9/']);
  });

  it('answers missing from the /qa/ order come after it, in path order (kept in the order given)', () => {
    const pages = [...fixed, ...qa(4)];
    const s = selectOfflinePages(pages, ['/qa/q2/'], { fixed: 0, search: 0 }, 27_000 + 6_000);
    expect(s.kept.filter((p) => p.startsWith('/qa/q'))).toEqual(['/qa/q0/', '/qa/q2/']);
  });
});

describe('qaLinkOrder', () => {
  it('lists the answers a page links to, in order, once each, below the base', () => {
    const html =
      '<a href="/pufa/qa/">问答</a><a href="/pufa/qa/b/">B</a><a href="/pufa/law/2/">2</a>' +
      '<a href="/pufa/qa/a/#x">A</a><a href="/pufa/qa/b/">B again</a>';
    expect(qaLinkOrder(html, '/pufa/')).toEqual(['/qa/b/']);
    expect(qaLinkOrder(html.replace('#x', ''), '/pufa/')).toEqual(['/qa/b/', '/qa/a/']);
    expect(qaLinkOrder('<a href="/qa/c/">C</a>', '/')).toEqual(['/qa/c/']);
  });
});
