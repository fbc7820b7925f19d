import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { launchChromium } from '../harness/browser.ts';
import { page as builtPage, htmlPages } from '../harness/dist.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import {
  collectCspViolations,
  cspViolations,
  horizontalOverflow,
  runAxe,
  setTextZoom,
  tabThrough,
  type AxeViolation,
} from '../helpers/page-checks.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

/**
 * Every page in the sitemap, plus the pages it leaves out (search, 404, posters),
 * opened in Chromium from nginx with the committed configuration, so each page runs
 * under the served Content-Security-Policy. One load per page checks privacy (no
 * request to another origin, no cookie, no console error) and CSP (no violation),
 * and for reading pages accessibility: axe-core, the keyboard, and 200% text at 375px.
 *
 * Print views (posters: a fixed A4 sheet without the site header, not in the
 * sitemap) get the CSP and privacy checks each, and axe-core on the first page of
 * each folder: they are one template filled with text that their reading pages carry
 * too, and axe on all 150 would add about a third to this file's time. Redirect pages
 * (meta refresh: /q/ short links, moved pages) are left to the pages they lead to.
 */
const { config } = loadSiteConfig();
const inSitemap = sitemapPaths(config.baseUrl);
const isRedirect = (path: string) =>
  builtPage(path).querySelector('meta[http-equiv="refresh"]') !== null;
const leftOut = htmlPages()
  .map((p) => p.path)
  .filter((p) => !inSitemap.includes(p) && !isRedirect(p));
const printViews = new Set(
  leftOut.filter((p) => builtPage(p).querySelector('header nav') === null),
);
const folder = (p: string) => p.replace(/[^/]+\/$/, '');
const axeOnPrintView = new Set(
  [...printViews].filter((p, i, all) => all.findIndex((q) => folder(q) === folder(p)) === i),
);
const pages = [...inSitemap, ...leftOut];
const base = new URL(config.baseUrl).pathname.replace(/\/?$/, '/');

/**
 * Pages are checked two at a time, in two tabs of one browser: about a third faster
 * than one at a time on a two-core machine, and still light.
 */
const TABS = 2;

interface Tab {
  page: Page;
  cdp: CDPSession;
  consoleErrors: string[];
  foreign: string[];
}

let nginx: RunningNginx;
let browser: Browser;
let context: BrowserContext;
const idle: Tab[] = [];
const waiting: Array<(tab: Tab) => void> = [];
const figures = {
  pages: 0,
  printViews: 0,
  axePages: 0,
  axe: 0,
  keyboard: 0,
  overflow: 0,
  foreign: 0,
  console: 0,
  csp: 0,
};

async function withTab<T>(fn: (tab: Tab) => Promise<T>): Promise<T> {
  const tab = idle.pop() ?? (await new Promise<Tab>((r) => waiting.push(r)));
  try {
    return await fn(tab);
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else idle.push(tab);
  }
}

beforeAll(async () => {
  nginx = await startNginx({ site: 'dist', base });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  await collectCspViolations(context);
  const origin = new URL(nginx.url).origin;
  for (let i = 0; i < TABS; i++) {
    const page = await context.newPage();
    const tab: Tab = {
      page,
      cdp: await context.newCDPSession(page),
      consoleErrors: [],
      foreign: [],
    };
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin)
        tab.foreign.push(req.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') tab.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => tab.consoleErrors.push(String(e)));
    idle.push(tab);
  }
});

afterAll(async () => {
  if (figures.pages > 0) {
    console.info(
      `every-page checks: ${figures.pages} pages (${inSitemap.length} in the sitemap, ${figures.printViews} print views); ` +
        `axe-core on ${figures.axePages} pages: ${figures.axe} violations, ` +
        `keyboard misses ${figures.keyboard}, pages overflowing at 200% text ${figures.overflow}, requests to other origins ${figures.foreign}, ` +
        `console errors ${figures.console}, CSP violations ${figures.csp}`,
    );
  }
  await browser?.close();
  await nginx?.stop();
});

const describeAxe = (v: AxeViolation[]) =>
  v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.targets.slice(0, 3).join(', ')}`);

describe('every page, served by nginx, in Chromium', () => {
  it('the sitemap lists pages, and the checks cover them and the pages it leaves out', () => {
    expect(inSitemap).toContain('/');
    expect(pages).toContain('/search/');
    expect(pages).toContain('/404.html');
    // Sitemap pages are reading pages: they always get every check.
    expect(inSitemap.filter((p) => printViews.has(p))).toEqual([]);
  });

  describe.concurrent('pages', () => {
    it.for(pages)('%s', (path, { expect }) =>
      withTab(async ({ page, cdp, consoleErrors, foreign }) => {
        consoleErrors.length = 0;
        foreign.length = 0;
        const res = await page.goto(nginx.url + base + path.slice(1));
        expect(res?.status(), 'HTTP status').toBe(200);
        figures.pages++;

        if (!printViews.has(path) || axeOnPrintView.has(path)) {
          const violations = await runAxe(page);
          figures.axePages++;
          figures.axe += violations.length;
          expect.soft(describeAxe(violations), 'axe-core violations').toEqual([]);
        }

        if (printViews.has(path)) {
          figures.printViews++;
        } else {
          const keys = await tabThrough(page);
          if (keys.missing.length) figures.keyboard++;
          expect.soft(keys.missing, 'not reached with Tab').toEqual([]);
          const invisible = keys.stops
            .filter((s) => s.tag !== 'body' && !s.focusVisible)
            .map((s) => `${s.tag} ${s.href ?? ''} ${s.text}`);
          expect.soft(invisible, 'focused without a visible focus indicator').toEqual([]);

          await setTextZoom(cdp, 2);
          const overflow = await horizontalOverflow(page);
          await setTextZoom(cdp, 1);
          const overflowing = overflow.scrollWidth > overflow.clientWidth;
          if (overflowing) figures.overflow++;
          expect
            .soft(
              overflowing
                ? [
                    `${overflow.scrollWidth}px wide in a ${overflow.clientWidth}px viewport`,
                    ...overflow.culprits,
                  ]
                : [],
              '200% text at 375px',
            )
            .toEqual([]);
        }

        const csp = await cspViolations(page);
        figures.csp += csp.length;
        expect.soft(csp, 'CSP violations').toEqual([]);

        expect.soft(await page.evaluate(() => document.cookie), 'document.cookie').toBe('');
        figures.foreign += foreign.length;
        expect.soft([...foreign], 'requests to other origins').toEqual([]);
        figures.console += consoleErrors.length;
        expect.soft([...consoleErrors], 'console errors').toEqual([]);
      }),
    );
  });

  it('no page set a cookie', async () => {
    expect(figures.pages).toBe(pages.length);
    expect(await context.cookies()).toEqual([]);
  });
});
