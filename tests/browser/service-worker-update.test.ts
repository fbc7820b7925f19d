import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  createReadStream,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceWorkerIntegration } from '../../src/integrations/service-worker.ts';
import type { OfflineManifest } from '../../src/lib/offline/plan.ts';
import type { SearchHints } from '../../src/lib/search/hints.ts';
import { launchChromium } from '../harness/browser.ts';
import { DIST } from '../harness/dist.ts';

// The service worker's update path, with two builds of the site at one address:
// build A as `npm test` built it, build B a copy of it in which one Q&A page, the home
// page (part of the offline shell) and the search index changed, with its offline files
// (sw.js, offline.json) written again by the real integration. The reader saved A with
// 离线保存; then B goes live. Checked: the new shell is served, 离线保存 downloads only
// the changed files, stale files are deleted, and a saved page shows after 4 s when the
// network does not answer.

const CHANGED_QA = '/qa/reporter-protection/';
const MARK = '新版本的网站';
let dirA: string;
let dirB: string;
let root: string;
let server: Server;
let origin: string;
let browser: Browser;
const requested: string[] = [];
const slow = new Set<string>();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static server whose folder can be switched (a deploy) and whose answers can be delayed (weak signal). */
function serve(): Promise<void> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requested.push(url.pathname);
    let path = resolve(root, '.' + decodeURIComponent(url.pathname));
    if (path !== root && !path.startsWith(root + sep)) return void res.writeHead(404).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end();
    const send = () => {
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      createReadStream(path).pipe(res);
    };
    if (slow.has(url.pathname)) setTimeout(send, 8_000);
    else send();
  });
  return new Promise((ok) =>
    server.listen(
      0,
      '127.0.0.1',
      () => ((origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), ok()),
    ),
  );
}

/** Runs the service-worker integration on a built folder, as `astro build` does. */
async function writeOfflineFiles(dir: string): Promise<void> {
  const i: AstroIntegration = serviceWorkerIntegration();
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  await (i.hooks['astro:config:done'] as (o: unknown) => unknown)({ config: { base: '/' } });
  await (i.hooks['astro:build:done'] as (o: unknown) => Promise<void>)({
    dir: pathToFileURL(dir + '/'),
    logger,
  });
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as OfflineManifest;

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sw-update-'));
  dirA = join(tmp, 'a');
  dirB = join(tmp, 'b');
  // Posters and pagefind play no part here.
  const skip = (src: string) => !/[/\\](posters|pagefind)([/\\]|$)/.test(src);
  cpSync(resolve(DIST), dirA, { recursive: true, filter: skip });
  cpSync(dirA, dirB, { recursive: true });
  // Build B: one Q&A page and the home page changed, and a new search index folder (its content changed).
  const edit = (path: string) => {
    const file = join(dirB, path, 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', `<p>${MARK}</p></main>`));
  };
  edit(CHANGED_QA);
  edit('/');
  const hints = JSON.parse(readFileSync(join(dirB, 'search-hints.json'), 'utf8')) as SearchHints;
  const newDir = hints.x!.dir.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
  renameSync(join(dirB, hints.x!.dir), join(dirB, newDir));
  writeFileSync(
    join(dirB, 'search-hints.json'),
    JSON.stringify({ ...hints, x: { ...hints.x!, dir: newDir } }),
  );
  await writeOfflineFiles(dirB);
  root = dirA;
  await serve();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
  if (dirA) rmSync(resolve(dirA, '..'), { recursive: true, force: true });
});

describe('a site update with the service worker', () => {
  it('serves the new shell, downloads only what changed, deletes stale files, and falls back after 4 s', async () => {
    const a = manifest(dirA);
    const b = manifest(dirB);
    expect(b.version).not.toBe(a.version);
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      // A reader visits build A and saves the site.
      await page.goto(origin + '/law/');
      await expect
        .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 })
        .toBe(true);
      await page.goto(origin + '/offline/');
      await page.locator('#offline-save').click();
      await expect
        .poll(() => page.locator('#offline-status').textContent(), { timeout: 60_000 })
        .toContain('保存好了');

      // Build B goes live; the browser checks for a new worker.
      root = dirB;
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const shellKeys = () =>
        page.evaluate(() =>
          caches.keys().then((k) => k.filter((n) => n.startsWith('aocl-shell-'))),
        );
      await expect.poll(shellKeys, { timeout: 20_000 }).toEqual([`aocl-shell-${b.version}`]);

      // 离线保存 again: only the files whose fingerprint changed are downloaded.
      const before = new Map([...a.pages, ...a.assets, ...(a.data ?? [])].map((f) => [f.u, f.h]));
      const changed = [...b.pages, ...b.assets, ...(b.data ?? [])]
        .filter((f) => before.get(f.u) !== f.h)
        .map((f) => f.u)
        .sort();
      const pageUrls = new Set(b.pages.map((f) => f.u));
      expect(changed.filter((u) => pageUrls.has(u))).toEqual([CHANGED_QA]);
      expect(changed.filter((u) => u.startsWith('/_astro/'))).toEqual([]);
      expect(changed).toContain('/search-hints.json');
      expect(changed).not.toContain('/offline-links.json');
      await page.goto(origin + '/offline/');
      await expect
        .poll(() => page.locator('#offline-size').textContent(), { timeout: 60_000 })
        .toMatch(/大约要用|已经全部保存|连不上/);
      expect(await page.locator('#offline-size').textContent()).toMatch(/^还有 1 页需要保存或更新/);
      const listed = new Set([...b.pages, ...b.assets, ...(b.data ?? [])].map((f) => f.u));
      requested.length = 0;
      await page.locator('#offline-save').click();
      await expect
        .poll(() => page.locator('#offline-status').textContent(), { timeout: 60_000 })
        .toContain('保存好了');
      expect([...new Set(requested.filter((u) => listed.has(u)))].sort()).toEqual(changed);

      // Stale files are gone: the old search index folder and the old shell.
      const oldDir = JSON.parse(readFileSync(join(dirA, 'search-hints.json'), 'utf8')).x
        .dir as string;
      const stale = await page.evaluate(async (dir) => {
        const out: string[] = [];
        for (const name of await caches.keys())
          for (const req of await (await caches.open(name)).keys())
            if (req.url.includes(`/${dir}/`)) out.push(req.url);
        return out;
      }, oldDir);
      expect(stale).toEqual([]);

      // With no network, the new shell and the updated page are what the reader sees.
      await ctx.setOffline(true);
      await page.goto(origin + '/');
      expect(await page.locator('main').textContent()).toContain(MARK);
      await page.goto(origin + CHANGED_QA);
      expect(await page.locator('main').textContent()).toContain(MARK);
      await ctx.setOffline(false);

      // Weak signal: the server does not answer for 8 s; the saved copy shows after about 4 s.
      slow.add('/law/61/');
      const started = Date.now();
      await page.goto(origin + '/law/61/');
      const waited = Date.now() - started;
      expect(await page.locator('h1').textContent()).toBe('第六十一条');
      expect(waited).toBeGreaterThanOrEqual(3_500);
      expect(waited).toBeLessThan(7_500);
    } finally {
      slow.clear();
      await ctx.close();
    }
  }, 240_000);
});
