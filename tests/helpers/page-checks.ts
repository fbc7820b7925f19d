import axe from 'axe-core';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * In-page checks used by the browser tests: axe-core, keyboard reachability, text
 * zoom, and collectors for requests, console errors and CSP violations.
 */

/** The axe-core tags the site must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (injected from node_modules, never a CDN) on the page. The source is
 * evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: typeof axe };
    const res = await w.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
}

export interface TabStop {
  tag: string;
  text: string;
  href: string | null;
  /** Which target this is, if any: "the search field", "the 我要举报 link" or "navigation link <href>". */
  target: string | null;
  focusVisible: boolean;
}

/**
 * Presses Tab from the top of the page until every target is reached (or `max`
 * presses), recording where focus lands and whether it shows a focus indicator.
 * Targets, in the header where the page has one: the search field, every link of the
 * navigation, and the 我要举报 link. They are marked with a data attribute first.
 */
export async function tabThrough(
  page: Page,
  max = 40,
): Promise<{ stops: TabStop[]; missing: string[] }> {
  const targets = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
    const scope = document.querySelector('header') ?? document.body;
    const first = (sel: string) =>
      scope.querySelector<HTMLElement>(sel) ?? document.querySelector<HTMLElement>(sel);
    const found: string[] = [];
    const mark = (el: HTMLElement | null | undefined, name: string) => {
      if (!el) return;
      el.dataset.tabTarget = name;
      found.push(name);
    };
    mark(first('[role="search"] input, search input'), 'the search field');
    for (const a of scope.querySelectorAll<HTMLAnchorElement>('nav a[href]'))
      mark(a, `navigation link ${a.getAttribute('href')}`);
    const report = [
      ...scope.querySelectorAll<HTMLAnchorElement>('a[href]'),
      ...document.querySelectorAll<HTMLAnchorElement>('a[href]'),
    ];
    mark(
      report.find((a) => a.textContent?.trim() === '我要举报'),
      'the 我要举报 link',
    );
    return found;
  });
  const nav = targets.filter((t) => t.startsWith('navigation link '));
  const wanted = ['the search field', ...nav, 'the 我要举报 link'];
  if (nav.length === 0) wanted.push('the navigation (no links in a header nav)');
  const stops: TabStop[] = [];
  const missing = () => wanted.filter((t) => !stops.some((s) => s.target === t));
  for (let i = 0; i < max && missing().length > 0; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body)
          return { tag: 'body', text: '', href: null, target: null, focusVisible: false };
        const cs = getComputedStyle(el);
        const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
        return {
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? '').trim(),
          href: el.getAttribute('href'),
          target: el.dataset.tabTarget ?? null,
          focusVisible: el.matches(':focus-visible') && (outline || cs.boxShadow !== 'none'),
        };
      }),
    );
  }
  return { stops, missing: missing() };
}

/**
 * Sets the browser's default font size, as a reader does in the browser's settings
 * (text-only zoom: 200% = 32px instead of 16px), and reports what sticks out of the
 * viewport horizontally.
 */
export async function setTextZoom(cdp: CDPSession, factor: number): Promise<void> {
  await cdp.send('Page.setFontSizes', {
    fontSizes: { standard: Math.round(16 * factor), fixed: Math.round(13 * factor) },
  });
}

export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (
          r.width > 0 &&
          r.right > width + 1 &&
          !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1)
        ) {
          const cls =
            typeof el.className === 'string' && el.className
              ? '.' + el.className.trim().split(/\s+/).join('.')
              : '';
          culprits.push(
            `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (right edge ${Math.round(r.right)}px)`,
          );
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 5) };
  });
}

/** Collects CSP violations in every document of the context from its first script on. */
export async function collectCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations!.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || location.href}:${e.lineNumber}`,
      );
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [
        '(CSP listener missing)',
      ],
  );
}
