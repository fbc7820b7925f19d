/**
 * Which pages 离线保存 keeps when saving everything would cost a phone too much. Pure:
 * the service-worker integration (src/integrations/service-worker.ts) passes in the
 * pages with their sizes and the order of the 问答 page.
 *
 * Below OFFLINE_BUDGET_GZIP every page is saved, as on today's site. Above it, the law
 * (full text and every article), 我要举报, the search page and the offline pages are
 * always kept, then Q&A in the order readers see on /qa/ until the budget is spent; the
 * search index saved with them covers exactly the saved pages (the index of the whole
 * site is about 390 bytes gzip per page, 3.9 MB at 10,000 Q&A).
 */

/**
 * What 离线保存 may download, gzip: about the size of a few minutes of video, which a
 * resident on a prepaid plan can afford once. A 2,000-Q&A site (8.5 MB) still fits whole.
 */
export const OFFLINE_BUDGET_GZIP = 10_000_000;

export interface PageSize {
  /** Site path below the base: /qa/x/ */
  path: string;
  /** Gzip bytes. */
  z: number;
}

export interface PageSelection {
  /** Paths kept, in the order given. */
  kept: string[];
  /** True when some Q&A were left out. */
  partial: boolean;
}

/** Q&A answers: the pages that can be left out (the Q&A list itself stays). */
const isQaAnswer = (path: string) => /^\/qa\/[^/]+\/$/.test(path);

/**
 * Keeps every page if `fixed` (hashed files, short links) plus all pages plus the search
 * data fit the budget; otherwise the pages that are not Q&A answers, then answers in
 * `qaOrder` (paths) while they fit, each answer counting its share of the search data.
 * Answers missing from `qaOrder` come last, in path order.
 */
export function selectOfflinePages(
  pages: readonly PageSize[],
  qaOrder: readonly string[],
  sizes: { fixed: number; search: number },
  budget = OFFLINE_BUDGET_GZIP,
): PageSelection {
  const all = pages.reduce((n, p) => n + p.z, 0);
  if (sizes.fixed + all + sizes.search <= budget)
    return { kept: pages.map((p) => p.path), partial: false };
  const searchPerPage = sizes.search / Math.max(1, pages.length);
  const answers = pages.filter((p) => isQaAnswer(p.path));
  const rank = new Map(qaOrder.map((p, i) => [p, i]));
  const ordered = [...answers].sort(
    (a, b) =>
      (rank.get(a.path) ?? Infinity) - (rank.get(b.path) ?? Infinity) ||
      a.path.localeCompare(b.path),
  );
  const keep = new Set(pages.filter((p) => !isQaAnswer(p.path)).map((p) => p.path));
  let used =
    sizes.fixed +
    pages.filter((p) => keep.has(p.path)).reduce((n, p) => n + p.z + searchPerPage, 0);
  for (const p of ordered) {
    if (used + p.z + searchPerPage > budget) break;
    keep.add(p.path);
    used += p.z + searchPerPage;
  }
  return { kept: pages.map((p) => p.path).filter((p) => keep.has(p)), partial: true };
}

/** The Q&A answer paths an HTML page links to, in order, once each (the /qa/ list). */
export function qaLinkOrder(html: string, base: string): string[] {
  const out = new Set<string>();
  const prefix = base.replace(/\/$/, '');
  for (const m of html.matchAll(/href="([^"#?]+)"/g)) {
    const path = m[1]!.startsWith(prefix + '/') ? m[1]!.slice(prefix.length) : m[1]!;
    if (isQaAnswer(path)) out.add(path);
  }
  return [...out];
}
