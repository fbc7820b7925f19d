import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { DIST, exists, htmlPages, page, walk } from '../harness/dist.ts';

// Runs over dist/ as built by `npm test` (npm run build first).
const { config } = loadSiteConfig();
const siteOrigin = new URL(config.baseUrl).origin;
const pages = htmlPages();

describe('the law pages', () => {
  it('builds /law/ and one page per article, 1…77', () => {
    expect(exists('law/index.html')).toBe(true);
    for (let n = 1; n <= 77; n++) expect(exists(`law/${n}/index.html`), `/law/${n}/`).toBe(true);
    expect(exists('law/78/index.html')).toBe(false);
  });

  it('puts every article on /law/ with its #art-<n> anchor, under a table of contents of 9 chapters', () => {
    const doc = page('/law/');
    for (let n = 1; n <= 77; n++)
      expect(doc.querySelector(`#art-${n}`), `#art-${n}`).not.toBeNull();
    expect(doc.querySelectorAll('.toc li')).toHaveLength(9);
  });

  it('shows article 61 with its Chinese number, chapter, items as a list, and prev/next links', () => {
    const doc = page('/law/61/');
    expect(doc.querySelector('h1')!.text).toBe('第六十一条');
    expect(doc.querySelector('main')!.text).toContain('第七章 保障措施');
    expect(doc.querySelectorAll('ol.law-items li')).toHaveLength(6);
    const links = doc.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toContain('/law/60/');
    expect(links).toContain('/law/62/');
    expect(links).toContain('/law/#chapter-7');
  });
});

describe('every page', () => {
  it.each(pages.map((p) => [p.path, p.file]))(
    '%s has lang, title, description and canonical',
    (path) => {
      const doc = page(path);
      expect(doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
      expect(doc.querySelector('title')!.text.trim().length).toBeGreaterThan(0);
      expect(
        doc.querySelector('meta[name="description"]')!.getAttribute('content')!.length,
      ).toBeGreaterThan(10);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      // Search and 404 (noindex) have no address of their own to name; redirects name their target.
      const noindex = doc
        .querySelector('meta[name="robots"]')
        ?.getAttribute('content')
        ?.includes('noindex');
      if (!noindex || canonical !== undefined)
        expect(canonical?.startsWith(siteOrigin + '/')).toBe(true);
    },
  );

  it('gives every page a title of its own', () => {
    const byTitle = Map.groupBy(pages, (p) => page(p.path).querySelector('title')!.text.trim());
    expect(
      [...byTitle]
        .filter(([, ps]) => ps.length > 1)
        .map(([t, ps]) => `${t}: ${ps.map((p) => p.path).join(' ')}`),
    ).toEqual([]);
  });

  // A poster (/posters/<page>/) prints one page and carries that page's description; apart
  // from that pair, no two pages share one.
  it('gives every page a description of its own, a poster sharing only that of the page it prints', () => {
    const described = (path: string) =>
      page(path).querySelector('meta[name="description"]')!.getAttribute('content')!;
    const byDescription = Map.groupBy(pages, (p) => described(p.path));
    const shared = [...byDescription.values()]
      .filter((ps) => ps.length > 1)
      .map((ps) => ps.map((p) => p.path))
      .filter(
        ([a, b, ...more]) => !(more.length === 0 && (b === `/posters${a}` || a === `/posters${b}`)),
      );
    expect(shared).toEqual([]);
  });

  it('links to 我要举报 from every page', () => {
    for (const p of pages) {
      const hrefs = page(p.path)
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href'));
      expect(hrefs, p.path).toContain('/report/');
    }
  });
});

describe('self-contained output', () => {
  const files = walk(DIST);
  const external = (url: string | undefined) =>
    !!url && /^(https?:)?\/\//i.test(url) && !url.startsWith(siteOrigin + '/');

  it('no HTML page loads anything from another host', () => {
    for (const p of pages) {
      const doc = page(p.path);
      const loaded = [
        ...doc
          .querySelectorAll(
            'script[src],img[src],iframe[src],source[src],audio[src],video[src],embed[src]',
          )
          .map((e) => e.getAttribute('src')),
        ...doc
          .querySelectorAll('link[href]')
          .filter((e) => e.getAttribute('rel') !== 'canonical')
          .map((e) => e.getAttribute('href')),
        ...doc.querySelectorAll('object[data]').map((e) => e.getAttribute('data')),
      ];
      expect(loaded.filter(external), p.path).toEqual([]);
    }
  });

  it('no stylesheet imports or loads from another host', () => {
    for (const f of files.filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(f, 'utf8');
      expect(css, f).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    }
  });

  it('no script fetches or imports from another host', () => {
    for (const f of files.filter((f) => /\.m?js$/.test(f))) {
      const js = readFileSync(f, 'utf8');
      expect(js, f).not.toMatch(/(fetch|import|importScripts)\(\s*['"`]https?:\/\//);
    }
  });

  // Reading pages do load a little script up front (大字模式, 朗读, offline reading): its
  // budget is tested in tests/build/residents.test.ts. Search code is not part of it.
  it('reading pages load no search code before the reader searches', () => {
    for (const path of ['/', '/law/', '/law/61/']) {
      const srcs = page(path)
        .querySelectorAll('script[src]')
        .map((s) => s.getAttribute('src')!);
      expect(srcs.length, path).toBeGreaterThan(0);
      expect(
        srcs.filter((s) => /pagefind|search/.test(s)),
        path,
      ).toEqual([]);
    }
  });
});

describe('search index', () => {
  it('exists, in Chinese, and indexes the article pages but not the full text at /law/', () => {
    expect(exists('pagefind/pagefind.js')).toBe(true);
    const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBeGreaterThanOrEqual(77);
    expect(page('/law/').querySelector('[data-pagefind-body]')).toBeNull();
    expect(page('/law/61/').querySelector('[data-pagefind-body]')).not.toBeNull();
  });
});

describe('home and 404', () => {
  it('the home page names the site, has a search box, and links to the four sections', () => {
    const doc = page('/');
    expect(doc.querySelector('h1')!.text).toContain('反有组织犯罪法');
    expect(doc.querySelector('main form[role="search"] input[name="q"]')).not.toBeNull();
    const hrefs = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const s of ['/law/', '/qa/', '/report/', '/materials/']) expect(hrefs).toContain(s);
  });

  it('has a Chinese 404 page that links back to the main sections', () => {
    const doc = page('/404.html');
    expect(doc.querySelector('h1')!.text).toBe('找不到这个页面');
    const hrefs = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const s of ['/', '/law/', '/qa/', '/report/']) expect(hrefs).toContain(s);
  });
});

describe('nothing is silently dropped', () => {
  it('every non-draft content file became a page, and nothing else did', async () => {
    const { readdirSync, existsSync: has } = await import('node:fs');
    const { parse: parseYaml } = await import('yaml');
    const { MDX_COLLECTIONS } = await import('../../src/lib/content/collections.ts');
    const { splitFrontmatter } = await import('../../src/lib/content/mdx.ts');
    const { entryPath } = await import('../../src/lib/routes.ts');
    for (const c of MDX_COLLECTIONS) {
      const dir = `content/${c.dir}`;
      const sources = has(dir)
        ? readdirSync(dir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
        : [];
      const published = sources
        .filter(
          (f) =>
            (
              parseYaml(splitFrontmatter(readFileSync(`${dir}/${f}`, 'utf8')).yaml ?? '') as {
                draft?: boolean;
              }
            ).draft !== true,
        )
        .map((f) => entryPath(c.name, f.replace(/\.mdx$/, '')));
      const built = pages
        .map((p) => p.path)
        .filter((p) => new RegExp(`^${entryPath(c.name, '[^/]+').replace(/\//g, '\\/')}$`).test(p));
      expect(built.sort(), c.name).toEqual(published.sort());
    }
  });

  it('every static route the content check accepts is really built', async () => {
    const { STATIC_PATHS } = await import('../../src/lib/routes.ts');
    for (const p of STATIC_PATHS)
      expect(exists(p === '/' ? 'index.html' : `${p.slice(1)}index.html`), p).toBe(true);
  });
});
