import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/lib/offline/plan.ts';
import { CONTENT_SECURITY_POLICY as CSP } from '../../src/lib/security-headers.ts';
import type { RunningServer } from '../harness/server.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { siteBuiltFor } from '../helpers/site-built-for.ts';
import { useSite } from '../helpers/residents-browser.ts';

// Offline reading in Chromium: 离线保存, then the network cut off.
const site = useSite();

/** First visit, 离线保存, then the network cut off (the server stopped and the browser offline). */
async function offlineFlow(
  own: RunningServer,
): Promise<Record<string, { entries: number; bytes: number }>> {
  const ctx = await site.browser.newContext({ viewport: { width: 375, height: 812 } });
  site.contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  let ctxOffline = false;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  // ERR_ABORTED: a request the next navigation cancelled (the favicon), not a failure.
  page.on(
    'requestfailed',
    (r) =>
      !ctxOffline &&
      r.failure()?.errorText !== 'net::ERR_ABORTED' &&
      errors.push(`failed ${r.url()} ${r.failure()?.errorText}`),
  );
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()) &&
      errors.push(m.text()),
  );
  await page.goto(own.url + '/law/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 })
    .toBe(true);
  await page.goto(own.url + '/quiz/');

  await page.goto(own.url + '/offline/');
  const size = page.locator('#offline-size');
  await expect
    .poll(() => size.textContent(), { timeout: 10_000 })
    .toMatch(/大约要用 \d+ KB 流量|连不上/);
  expect(errors).toEqual([]);
  expect(await size.textContent()).toMatch(/大约要用 \d+ KB 流量/);
  const save = page.locator('#offline-save');
  expect(await save.textContent()).toMatch(/^离线保存（约 \d+ KB）$/);
  // Pages already read were kept while browsing: only the rest is counted.
  expect(await size.textContent()).toMatch(/^还有 \d+ 页需要保存/);
  await save.click();
  await expect
    .poll(() => page.locator('#offline-status').textContent(), { timeout: 30_000 })
    .toContain('保存好了');
  await expect.poll(() => size.textContent()).toMatch(/^已经全部保存（\d+ 页）/);

  // What the worker keeps, in bytes.
  const cached = await page.evaluate(async () => {
    const out: Record<string, { entries: number; bytes: number }> = {};
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      let bytes = 0;
      const keys = await c.keys();
      for (const k of keys) bytes += (await (await c.match(k))!.arrayBuffer()).byteLength;
      out[name.replace(/-[0-9a-f]{16}$/, '')] = { entries: keys.length, bytes };
    }
    return out;
  });
  expect(cached['aocl-pages']!.entries).toBeGreaterThan(140);

  expect(errors).toEqual([]);
  ctxOffline = true;
  await own.stop();
  await ctx.setOffline(true);
  for (const [path, h1] of [
    ['/law/61/', '第六十一条'],
    ['/qa/reporter-protection/', /？$/],
    ['/quiz/', '应知应会 自测'],
    ['/glossary/', '现在没有网络'],
  ] as const) {
    await page.goto(own.url + path);
    const text = await page.locator('h1').textContent();
    if (typeof h1 === 'string') expect(text, path).toBe(h1);
    else expect(text, path).toMatch(h1);
  }
  // A poster's QR code opens its short link: offline it redirects to the saved page.
  await page.goto(own.url + '/q/l61/');
  await page.waitForURL(/\/law\/61\/$/);
  expect(await page.locator('h1').textContent()).toBe('第六十一条');
  // Search works offline: the index was saved with the pages.
  await page.goto(own.url + '/search/?q=' + encodeURIComponent('有人上门要债怎么办'));
  await expect
    .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
    .toMatch(/^找到 \d+ 条/);
  expect(await page.locator('#search-results li a').count()).toBeGreaterThan(0);
  await page.goto(own.url + '/law/61/');
  expect(await page.locator('[data-offline-note]').isVisible()).toBe(true);
  // Styled: the stylesheet came from the cache too.
  expect(
    await page.evaluate(
      () => getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
    ),
  ).toBe('rgb(158, 27, 27)');
  expect(errors).toEqual([]);
  return cached;
}

describe('offline reading', () => {
  it('after a first visit and 离线保存, /law/61/, a Q&A page, a short link and search work with the network cut off', async () => {
    const cached = await offlineFlow(await startStaticServer());
    console.log('service worker caches after 离线保存 (bytes):', JSON.stringify(cached));
  });

  it('works the same for a site under a sub-path, served with the Content-Security-Policy', async () => {
    // The same build as the sub-path test behind nginx (tests/helpers/site-built-for.ts).
    const dist = await siteBuiltFor('https://www.example.gov.cn/pufa/');
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).toContain('"base":"/pufa/"');
    await offlineFlow(
      await startStaticServer({
        dir: dist,
        base: '/pufa/',
        headers: { 'content-security-policy': CSP },
      }),
    );
  }, 180_000);

  it('keeps the law, 我要举报 and the first Q&A only when saving everything is over offlineBudgetMB, and searches those offline', async () => {
    const dist = await siteBuiltFor('http://localhost:4321', { offlineBudgetMB: 0.5 });
    const manifest = JSON.parse(
      readFileSync(join(dist, 'offline.json'), 'utf8'),
    ) as OfflineManifest;
    const saved = new Set(manifest.pages.map((p) => p.u));
    const answers = readdirSync(join(dist, 'qa'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/qa/${d.name}/`);
    const left = answers.filter((u) => !saved.has(u));
    expect(manifest.partial).toEqual({ saved: answers.length - left.length, qa: answers.length });
    expect(left.length).toBeGreaterThan(0);
    expect(manifest.partial!.saved).toBeGreaterThan(0);
    expect(manifest.total.gzip).toBeLessThanOrEqual(500_000);
    for (const u of ['/law/', '/law/61/', '/report/', '/search/', '/qa/'])
      expect(saved).toContain(u);
    // The hints of the saved pages are kept as /search-hints.json.
    expect(manifest.data.find((f) => f.k === '/search-hints.json')?.u).toBe(
      '/search-hints.offline.json',
    );

    const own = await startStaticServer({ dir: dist });
    const ctx = await site.browser.newContext({ viewport: { width: 375, height: 812 } });
    site.contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(own.url + '/offline/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => page.locator('#offline-scope').textContent(), { timeout: 10_000 })
      .toContain(`排在前面的 ${manifest.partial!.saved} 个问答`);
    await page.locator('#offline-save').click();
    await expect
      .poll(() => page.locator('#offline-status').textContent(), { timeout: 30_000 })
      .toContain('保存好了');
    await own.stop();
    await ctx.setOffline(true);

    const keptQa = answers.find((u) => saved.has(u))!;
    await page.goto(own.url + keptQa);
    expect(await page.locator('h1').textContent()).toMatch(/？$/);
    await page.goto(own.url + left[0]!);
    expect(await page.locator('h1').textContent()).toBe('现在没有网络');
    // Search offline reads the index of the saved pages: a saved page's title finds it,
    // and no result is a page that was not saved.
    const keptTitle = readFileSync(join(dist, keptQa.slice(1), 'index.html'), 'utf8').match(
      /<h1[^>]*>([^<]+)<\/h1>/,
    )![1]!;
    await page.goto(own.url + '/search/?q=' + encodeURIComponent(keptTitle));
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
      .toMatch(/^找到 \d+ 条/);
    const shown = await page
      .locator('#search-results li a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(shown).toContain(keptQa);
    expect(shown.filter((u) => !saved.has(u))).toEqual([]);
  }, 180_000);
});
