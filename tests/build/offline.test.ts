import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/lib/offline/plan.ts';
import { DIST, exists, page } from '../harness/dist.ts';
import { root, qaPages, gz } from '../helpers/reading-pages.ts';

// Offline reading as built: the manifest, the worker and /offline/ (tests/browser/offline.test.ts runs it).
describe('offline reading', () => {
  const manifest = JSON.parse(readFileSync(`${DIST}/offline.json`, 'utf8')) as OfflineManifest;
  const sw = readFileSync(`${DIST}/sw.js`, 'utf8');

  it('离线保存 covers /law/, every article, /qa/, every Q&A page and what search needs, with their true sizes', () => {
    const urls = manifest.pages.map((p) => p.u);
    expect(urls).toContain('/law/');
    expect(urls).toContain('/qa/');
    for (let n = 1; n <= 77; n++) expect(urls, `/law/${n}/`).toContain(`/law/${n}/`);
    for (const p of qaPages) expect(urls).toContain(p.path);
    const data = manifest.data.map((f) => f.u);
    for (const u of ['/search-hints.json', '/offline-links.json']) expect(data).toContain(u);
    expect(data.filter((u) => u.startsWith('/search-index/')).length).toBeGreaterThan(8);
    for (const f of [...manifest.pages, ...manifest.assets, ...manifest.data]) {
      const file = f.u.endsWith('/') ? join(DIST, f.u, 'index.html') : join(DIST, f.u);
      expect(statSync(file).size, f.u).toBe(f.b);
      expect(f.z).toBe(gz(file));
    }
    expect(manifest.total.bytes).toBe(
      [...manifest.pages, ...manifest.assets, ...manifest.data].reduce((n, f) => n + f.b, 0),
    );
  });

  it('adds at most 150 kB gzip for search (hints, shards, page records) at today’s size', () => {
    const search = manifest.data.filter((f) => f.u !== '/offline-links.json');
    const bytes = search.reduce((n, f) => n + f.z, 0);
    console.log(`离线保存 search data: ${bytes} B gzip in ${search.length} files`);
    expect(manifest.partial).toBeUndefined();
    expect(bytes).toBeLessThanOrEqual(150_000);
  });

  it('includes every hashed file those pages load, including the read-aloud player loaded on demand', () => {
    const assets = manifest.assets.map((a) => a.u);
    for (const s of page('/law/61/').querySelectorAll('script[src], link[rel="stylesheet"]'))
      expect(assets).toContain(s.getAttribute('src') ?? s.getAttribute('href'));
    expect(assets.some((a) => /\/_astro\/read-aloud\.[\w-]+\.js$/.test(a))).toBe(true);
  });

  it('the worker carries this build version and its shell, and the fallback page is in the shell', () => {
    const cfg = JSON.parse(/^const __SW_CONFIG__=(.*);$/m.exec(sw)![1]!) as {
      version: string;
      base: string;
      shell: string[];
      shellAssets: string[];
    };
    expect(cfg.version).toBe(manifest.version);
    expect(cfg.base).toBe(new URL(root).pathname);
    expect(cfg.shell).toEqual(['/', '/offline/no-network/', '/favicon.svg']);
    for (const a of cfg.shellAssets) expect(exists(a.slice(1)), a).toBe(true);
    expect(page('/offline/no-network/').querySelector('h1')!.text).toBe('现在没有网络');
    expect(
      page('/offline/no-network/').querySelector('meta[name="robots"]')!.getAttribute('content'),
    ).toBe('noindex');
  });

  it('/offline/ explains the size comes first, and the footer links to it', () => {
    expect(page('/offline/').querySelector('#offline')!.getAttribute('data-manifest')).toBe(
      '/offline.json',
    );
    expect(
      page('/law/61/')
        .querySelectorAll('footer a')
        .map((a) => a.getAttribute('href')),
    ).toContain('/offline/');
  });
});
