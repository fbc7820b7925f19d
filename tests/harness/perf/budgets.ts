import type { PageWeight } from './measure.ts';
import { KB } from './transfer.ts';

/**
 * Page-weight budgets (issue 8): a reader on a cheap phone and a weak signal gets the
 * text in the first round trips. All figures are transfer bytes (gzip -9), 1 kB = 1,000 B.
 */
export const BUDGETS = {
  /** HTML of a reading page. */
  html: 7 * KB,
  /** HTML of the full law text at /law/. */
  htmlFullText: 25 * KB,
  /** All CSS a page loads, print stylesheets included. */
  css: 6 * KB,
  /** JavaScript that loads before the reader interacts. */
  js: 1.5 * KB,
  /** Everything the first view downloads, images included. */
  firstView: 30 * KB,
  /** HTML plus render-blocking CSS and JS: fits the first round trips (about 14 kB). */
  critical: 14 * KB,
  /** Everything the first search query downloads: the search page, the hints and the text-index shards it needs (pagefind does not load). */
  firstSearch: 120 * KB,
  /**
   * Not a target: the measured level of full-text results on request (搜索全文: pagefind's
   * code, WebAssembly, index chunks and fragments on top of the first search), kept so it
   * cannot grow unnoticed. See src/client/search.ts.
   */
  fullTextSearch: 190 * KB,
} as const;

export type Budgets = typeof BUDGETS;

export type ReadingPageKind = 'home' | 'law-full' | 'law' | 'qa' | 'report' | 'material';

/**
 * Which pages are reading pages, by URL path (without the site's base path), so pages that
 * other features add later are covered automatically: /law/<n>/ (and other law pages such
 * as /law/excerpts/), the full text /law/, /qa/<slug>/, /report/, /materials/<slug>/, and
 * the home page. Lists (/qa/, /materials/), search, posters and short links are not.
 */
export function readingPageKind(path: string): ReadingPageKind | null {
  if (path === '/') return 'home';
  if (path === '/law/') return 'law-full';
  if (/^\/law\/[^/]+\/$/.test(path)) return 'law';
  if (/^\/qa\/[^/]+\/$/.test(path)) return 'qa';
  if (path === '/report/') return 'report';
  if (/^\/materials\/[^/]+\/$/.test(path)) return 'material';
  return null;
}

const n = (b: number) => `${b.toLocaleString('en-US')} B`;
const files = (xs: Array<{ path: string; gzip: number }>) =>
  xs.map((x) => `${x.path} ${n(x.gzip)}`).join(', ');

/** Every budget the page breaks, each as one line naming the page and the byte counts. Empty when within budget. */
export function budgetProblems(
  w: PageWeight,
  kind: ReadingPageKind,
  b: Budgets = BUDGETS,
): string[] {
  const out: string[] = [];
  const p = w.page;
  const htmlBudget = kind === 'law-full' ? b.htmlFullText : b.html;
  if (w.html.gzip > htmlBudget)
    out.push(
      `${p}: HTML is ${n(w.html.gzip)} gzip (${n(w.html.raw)} raw), over the budget of ${n(htmlBudget)}`,
    );
  if (w.totals.css > b.css)
    out.push(
      `${p}: CSS loaded is ${n(w.totals.css)} gzip (${files(w.css)}), over the budget of ${n(b.css)}`,
    );
  if (w.totals.js > b.js) {
    const inline = w.inlineJs.gzip ? [{ path: '(inline scripts)', gzip: w.inlineJs.gzip }] : [];
    out.push(
      `${p}: JavaScript before interaction is ${n(w.totals.js)} gzip (${files([...w.js, ...inline])}), over the budget of ${n(b.js)}`,
    );
  }
  if (w.totals.firstView > b.firstView) {
    const t = w.totals;
    out.push(
      `${p}: first view is ${n(t.firstView)} gzip (HTML ${n(w.html.gzip)}, CSS ${n(t.css)}, JS ${n(t.js - w.inlineJs.gzip)}, images ${n(t.images)}, fonts ${n(t.fonts)}, other ${n(t.other)}), over the budget of ${n(b.firstView)}`,
    );
  }
  // The full text at /law/ may have 25 kB of HTML, which cannot all fit the first 14 kB.
  // HTML renders as it streams, so there the start of it must: the head, the header, the
  // table of contents and the whole first chapter (htmlStart), with the blocking CSS and JS.
  const blocking = [
    ...w.css.filter((c) => c.renderBlocking),
    ...w.js.filter((j) => j.renderBlocking),
  ];
  if (kind === 'law-full') {
    if (w.totals.criticalStart > b.critical) {
      out.push(
        `${p}: the start of the HTML (through the first chapter) plus render-blocking CSS and JS is ${n(w.totals.criticalStart)} gzip (HTML start ${n(w.htmlStart.gzip)}, ${files(blocking)}), over the budget of ${n(b.critical)}`,
      );
    }
  } else if (w.totals.critical > b.critical) {
    out.push(
      `${p}: HTML plus render-blocking CSS and JS is ${n(w.totals.critical)} gzip (HTML ${n(w.html.gzip)}, ${files(blocking)}), over the budget of ${n(b.critical)}`,
    );
  }
  for (const c of w.css) {
    if (!c.printOnly && c.printOnlyRules.length) {
      const rules = c.printOnlyRules.map((r) => `${r.rule} (${n(r.bytes)})`).join(', ');
      out.push(
        `${p}: screen stylesheet ${c.path} carries print-only rules: ${rules}; move them to a stylesheet linked with media="print"`,
      );
    }
    if (c.setsPageSize)
      out.push(
        `${p}: loads ${c.path}, a poster or card sheet (it sets @page size); reading pages must not load poster styles`,
      );
  }
  for (const m of w.missing) out.push(`${p}: refers to ${m}, which is not in the build`);
  for (const e of w.external)
    out.push(`${p}: loads ${e} from another host, which cannot be measured and is not allowed`);
  return out;
}
