import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_CONTROL, headersFile, SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { launchChromium } from '../harness/browser.ts';
import { checkLinks } from '../helpers/links.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { siteBuiltFor } from '../helpers/site-built-for.ts';
import { expectTextIndexSearch, searchUnderCsp } from '../helpers/search-check.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

/**
 * Deployment under a sub-path, as the README describes it: the site built for
 * baseUrl https://www.example.gov.cn/pufa/ (a second build, shared with offline.test.ts), its files in
 * <root>/pufa/, and the committed nginx server block with the lines marked "# base"
 * set to /pufa/.
 */
const BASE = '/pufa/';
const BASE_URL = `https://www.example.gov.cn${BASE}`;
let site: string;
let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  site = await siteBuiltFor(BASE_URL);
  nginx = await startNginx({ site, base: BASE });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

const get = (path: string) => fetch(nginx.url + path);

describe(`the site built for ${BASE_URL}, behind nginx under ${BASE}`, () => {
  it('links every page and asset below the sub-path, with no broken link or anchor', () => {
    const report = checkLinks(site, BASE_URL);
    expect(report.pages).toBeGreaterThan(80);
    expect(report.problems.map((p) => `${p.page} → ${p.url}: ${p.problem}`)).toEqual([]);
  });

  it('names the sub-path in the sitemap, robots.txt and _headers', () => {
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${BASE_URL}sitemap-index.xml\n`,
    );
    expect(readFileSync(join(site, '_headers'), 'utf8')).toBe(headersFile(BASE));
    expect(sitemapPaths(BASE_URL, site)).toContain('/law/61/');
  });

  it('every sitemap URL answers 200 under the sub-path', async () => {
    const failed: string[] = [];
    const paths = sitemapPaths(BASE_URL, site);
    for (const p of paths) {
      const res = await get(BASE + p.slice(1));
      await res.arrayBuffer();
      if (res.status !== 200) failed.push(`${p}: ${res.status}`);
    }
    expect(paths.length).toBeGreaterThan(80);
    expect(failed).toEqual([]);
  });

  it('a missing path answers 404 with the Chinese 404 page, whose stylesheet loads from the sub-path', async () => {
    const res = await get(`${BASE}no-such-page/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(
      SECURITY_HEADERS['Content-Security-Policy'],
    );
    const doc = parse(await res.text());
    expect(doc.querySelector('h1')?.text).toBe('找不到这个页面');
    const css = doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(css.startsWith(`${BASE}_astro/`)).toBe(true);
    const asset = await get(css);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe(CACHE_CONTROL.hashedAssets);
  });

  it('search works in Chromium under the served CSP, 搜索全文 (pagefind) included', async () => {
    const found = await searchUnderCsp(browser, nginx.url + BASE, '恶势力');
    expect(found.cspViolations).toEqual([]);
    expect(found.consoleErrors).toEqual([]);
    expect(found.foreignRequests).toEqual([]);
    expect(found.pagefindRan).toBe(true);
    expect(found.hrefs[0]).toBe(`${BASE}qa/what-is-e-shi-li-organization/`);
    expect(found.marks).toBeGreaterThan(0);
  });

  it('search finds a colloquial question through the text index, under the served CSP', async () => {
    await expectTextIndexSearch(browser, nginx.url + BASE, BASE);
  });
});
