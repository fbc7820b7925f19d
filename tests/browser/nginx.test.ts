import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { CACHE_CONTROL, SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { launchChromium } from '../harness/browser.ts';
import { page as builtPage, DIST } from '../harness/dist.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { expectTextIndexSearch, searchUnderCsp } from '../helpers/search-check.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

/**
 * The built site behind Debian's nginx with the committed configuration
 * (deploy/nginx.conf, deploy/nginx/): the headers it sends, the 404 page, search
 * under the served CSP, and every sitemap URL.
 */
const { config } = loadSiteConfig();
const base = new URL(config.baseUrl).pathname.replace(/\/?$/, '/');
let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  nginx = await startNginx({ site: 'dist', base });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

const get = (path: string) =>
  fetch(nginx.url + base + path.replace(/^\//, ''), { headers: { 'Accept-Encoding': 'gzip' } });
const securityHeaders = (res: Response) =>
  Object.fromEntries(Object.keys(SECURITY_HEADERS).map((k) => [k, res.headers.get(k)]));

describe('nginx with deploy/nginx.conf', () => {
  it('an HTML page: security headers, short cache, UTF-8, gzip', async () => {
    const res = await get('/law/61/');
    expect(res.status).toBe(200);
    expect(securityHeaders(res)).toEqual(SECURITY_HEADERS);
    expect(res.headers.get('cache-control')).toBe(CACHE_CONTROL.short);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('第六十一条');
  });

  it('a hashed asset: security headers, cached for a year as immutable, gzip', async () => {
    // The largest stylesheet of the page: files under gzip_min_length are sent as they are.
    const sheets = builtPage('/law/61/')
      .querySelectorAll('link[rel="stylesheet"]')
      .map((l) => l.getAttribute('href')!);
    const css = sheets
      .sort(
        (a, b) =>
          statSync(join(DIST, a.slice(base.length))).size -
          statSync(join(DIST, b.slice(base.length))).size,
      )
      .at(-1)!;
    expect(css).toMatch(/\/_astro\/.+\.css$/);
    const res = await fetch(nginx.url + css, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(securityHeaders(res)).toEqual(SECURITY_HEADERS);
    expect(res.headers.get('cache-control')).toBe(CACHE_CONTROL.hashedAssets);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('a search-index shard: in a content-hashed folder, cached for a year as immutable, gzip', async () => {
    const hints = JSON.parse(readFileSync(join(DIST, 'search-hints.json'), 'utf8')) as {
      x: { dir: string };
    };
    expect(hints.x.dir).toMatch(/^search-index\/[0-9a-f]{10}$/);
    const res = await fetch(`${nginx.url}${base}${hints.x.dir}/0.json`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(securityHeaders(res)).toEqual(SECURITY_HEADERS);
    expect(res.headers.get('cache-control')).toBe(CACHE_CONTROL.hashedAssets);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // The hints that name the folder change with it, so they keep the short cache.
    const h = await fetch(`${nginx.url}${base}search-hints.json`);
    expect(h.headers.get('cache-control')).toBe(CACHE_CONTROL.short);
  });

  it('a missing path: status 404 with the Chinese 404 page and the security headers', async () => {
    const res = await get('/no-such-page/');
    expect(res.status).toBe(404);
    expect(securityHeaders(res)).toEqual(SECURITY_HEADERS);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('找不到这个页面');
    expect(html).toContain('lang="zh-CN"');
  });

  it('a folder without its trailing slash redirects to it, on the same host', async () => {
    const res = await fetch(nginx.url + base + 'law', { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(base + 'law/');
  });

  it('every sitemap URL answers 200, and so do the sitemap and robots.txt', async () => {
    const paths = ['/sitemap-index.xml', '/robots.txt', ...sitemapPaths(config.baseUrl)];
    const failed: string[] = [];
    for (const p of paths) {
      const res = await get(p);
      await res.arrayBuffer();
      if (res.status !== 200) failed.push(`${p}: ${res.status}`);
    }
    expect(paths.length).toBeGreaterThan(80);
    expect(failed).toEqual([]);
  });

  it('search works in Chromium under the served CSP: /search/?q=恶势力 lists the page that explains it', async () => {
    const found = await searchUnderCsp(browser, nginx.url + base, '恶势力');
    expect(found.cspViolations).toEqual([]);
    expect(found.consoleErrors).toEqual([]);
    expect(found.foreignRequests).toEqual([]);
    expect(found.pagefindRan).toBe(true);
    expect(found.hrefs[0]).toBe(base + 'qa/what-is-e-shi-li-organization/');
    expect(found.marks).toBeGreaterThan(0);
  });

  it('search finds a colloquial question through the text index, under the served CSP', async () => {
    await expectTextIndexSearch(browser, nginx.url + base, base);
  });

  it('keeps search words out of the access log', () => {
    const log = nginx.accessLog();
    expect(log).toContain(`GET ${base}search/ `);
    expect(log).not.toContain('q=');
    expect(log).not.toContain(encodeURIComponent('恶势力'));
  });
});
