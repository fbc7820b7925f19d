import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import type { OfflineManifest } from '../../src/lib/offline/plan.ts';
import { SHARE_SECTIONS } from '../../src/lib/share/images.ts';
import { DIST, exists, htmlPages, page } from '../helpers/dist.ts';

// Runs over dist/ as built by `npm test`. Issue 9: 大字模式, 朗读, 自测, offline reading, sharing.
const { config } = loadSiteConfig();
const root = config.baseUrl.endsWith('/') ? config.baseUrl : config.baseUrl + '/';
// Reading pages; posters are print sheets and /q/ pages are redirects, with their own tests.
const pages = htmlPages().filter((p) => !p.path.startsWith('/posters/') && !page(p.path).querySelector('meta[http-equiv="refresh"]'));
const qaPages = pages.filter((p) => /^\/qa\/[^/]+\/$/.test(p.path));
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const distFile = (url: string) => join(DIST, new URL(url, root).pathname.slice(new URL(root).pathname.length));

describe('display settings: 大字模式 and 高对比', () => {
  it('every page loads the preference script first in <head>, blocking and external, before any stylesheet', () => {
    for (const p of pages) {
      const head = page(p.path).querySelector('head')!;
      const first = head.querySelector('script')!;
      expect(first, p.path).not.toBeNull();
      expect(first.getAttribute('src'), p.path).toMatch(/\/_astro\/prefs\.[\w-]+\.js$/);
      for (const a of ['async', 'defer', 'type']) expect(first.hasAttribute(a), `${p.path}: ${a}`).toBe(false);
      const html = head.innerHTML;
      expect(html.indexOf(first.getAttribute('src')!), p.path).toBeLessThan(Math.max(html.indexOf('rel="stylesheet"'), 0) || Infinity);
    }
  });

  it('has two real toggle buttons in the header, with aria-pressed', () => {
    const buttons = page('/law/61/').querySelectorAll('header [data-pref]');
    expect(buttons.map((b) => [b.tagName, b.getAttribute('type'), b.getAttribute('aria-pressed'), b.text])).toEqual([
      ['BUTTON', 'button', 'false', '大字模式'],
      ['BUTTON', 'button', 'false', '高对比'],
    ]);
  });
});

describe('JavaScript before the reader interacts, on reading pages', () => {
  // Budget 1.5 kB gzip: the blocking preference script and the page's module scripts
  // with what they import statically. Chunks loaded on demand (朗读, 复制链接) do not count.
  const reading = ['/', '/law/', '/law/61/', '/report/', qaPages[0]!.path];
  it.each(reading)('%s stays within 1,500 bytes gzip', (path) => {
    const doc = page(path);
    const files = new Set<string>();
    const add = (url: string) => {
      const file = distFile(url);
      if (files.has(file)) return;
      files.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|[;}])\s*import\s*(?:[\w{}\s,*]+from\s*)?["']([^"']+)["']/g)) add(new URL(m[1]!, new URL(url, root)).href);
    };
    for (const s of doc.querySelectorAll('script[src]')) add(s.getAttribute('src')!);
    for (const l of doc.querySelectorAll('link[rel="modulepreload"]')) add(l.getAttribute('href')!);
    const total = [...files].reduce((n, f) => n + gz(f), 0);
    expect(files.size).toBeGreaterThan(0);
    expect(total, [...files].join(', ')).toBeLessThanOrEqual(1500);
  });

  it('the only inline scripts are JSON-LD data blocks', () => {
    for (const p of pages) {
      for (const s of page(p.path).querySelectorAll('script:not([src])')) expect(s.getAttribute('type'), p.path).toBe('application/ld+json');
    }
  });
});

describe('朗读 and 复制链接', () => {
  it('law articles and Q&A have read-aloud controls, hidden until a Chinese voice is found, and text marked to read', () => {
    for (const path of ['/law/61/', '/qa/reporter-protection/']) {
      const doc = page(path);
      const box = doc.querySelector('[data-read-aloud]')!;
      expect(box, path).not.toBeNull();
      expect(box.hasAttribute('hidden'), path).toBe(true);
      // Button labels stay out of the search index.
      expect(doc.querySelector('.page-tools')!.getAttribute('data-pagefind-ignore'), path).toBe('all');
      expect(box.querySelectorAll('button').map((b) => b.text)).toEqual(['朗读', '暂停', '继续', '停止']);
      expect(doc.querySelector('h1')!.hasAttribute('data-speak')).toBe(true);
      expect(doc.querySelectorAll('main [data-speak]').map((e) => e.text).join('').length).toBeGreaterThan(50);
    }
  });

  it('复制链接 copies a title and the short link of the page', () => {
    const law = page('/law/61/').querySelector('[data-copy]')!.getAttribute('data-copy')!;
    expect(law.split('\n')[0]).toBe('《中华人民共和国反有组织犯罪法》第六十一条');
    expect(law.split('\n').at(-1)).toBe(root + 'q/l61/');
    const qa = page('/qa/reporter-protection/');
    const text = qa.querySelector('[data-copy]')!.getAttribute('data-copy')!;
    const code = /^code: (\w+)$/m.exec(readFileSync('content/qa/reporter-protection.mdx', 'utf8'))![1];
    expect(text).toBe([qa.querySelector('h1')!.text, qa.querySelector('.answer')!.text, root + `q/${code}/`].join('\n'));
  });
});

describe('Open Graph', () => {
  it('every page has the tags, with an absolute image of 1200×630 that exists, one image per section', () => {
    const images = new Set<string>();
    for (const p of pages) {
      const doc = page(p.path);
      const og = (k: string) => doc.querySelector(`meta[property="og:${k}"]`)?.getAttribute('content');
      for (const k of ['type', 'title', 'description', 'url', 'site_name', 'image', 'image:alt']) expect(og(k), `${p.path} og:${k}`).toBeTruthy();
      expect(og('image')!.startsWith(root), p.path).toBe(true);
      expect(exists(og('image')!.slice(root.length)), og('image')!).toBe(true);
      expect([og('image:width'), og('image:height')]).toEqual(['1200', '630']);
      if (doc.querySelector('link[rel="canonical"]')) expect(og('url'), p.path).toBe(doc.querySelector('link[rel="canonical"]')!.getAttribute('href'));
      images.add(og('image')!);
    }
    expect(images.size).toBeLessThanOrEqual(SHARE_SECTIONS.length);
    expect(page('/law/61/').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(root + 'share/law.png');
    expect(page('/qa/').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(root + 'share/qa.png');
  });
});

/** The schema.org FAQPage shape (https://schema.org/FAQPage) as search engines read it. */
const faqPageShape = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('FAQPage'),
    url: z.url().optional(),
    inLanguage: z.string().optional(),
    mainEntity: z
      .array(
        z.object({
          '@type': z.literal('Question'),
          name: z.string().min(1),
          acceptedAnswer: z.object({ '@type': z.literal('Answer'), text: z.string().min(1) }).strict(),
        }).strict(),
      )
      .min(1),
  })
  .strict();

describe('FAQPage structured data on Q&A pages', () => {
  it.each(qaPages.map((p) => p.path))('%s', (path) => {
    const doc = page(path);
    const blocks = doc.querySelectorAll('head script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    const data = faqPageShape.parse(JSON.parse(blocks[0]!.text));
    expect(data.url).toBe(root + path.slice(1));
    expect(data.mainEntity).toEqual([{ '@type': 'Question', name: doc.querySelector('h1')!.text, acceptedAnswer: { '@type': 'Answer', text: doc.querySelector('.answer')!.text } }]);
  });

  it('appears on Q&A pages only', () => {
    for (const p of pages.filter((x) => !qaPages.includes(x))) expect(page(p.path).querySelector('script[type="application/ld+json"]'), p.path).toBeNull();
  });
});

describe('RSS feed of cases and news', () => {
  const xml = readFileSync(`${DIST}/rss.xml`, 'utf8');
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml) as {
    rss: { '@_version': string; channel: { title: string; link: string; description: string; language: string; item?: Array<Record<string, string>> } };
  };
  const items = feed.rss.channel.item ?? [];

  it('is well-formed RSS 2.0 with a title, link and description', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(feed.rss['@_version']).toBe('2.0');
    expect(feed.rss.channel.title).toContain(config.name);
    expect(feed.rss.channel.link).toBe(root);
    expect(feed.rss.channel.description.length).toBeGreaterThan(0);
    expect(feed.rss.channel.language).toBe('zh-cn');
  });

  it('lists every case and news page, newest first, with absolute links that exist, guids and RFC 822 dates', () => {
    const built = pages.filter((p) => /^\/(cases|news)\/[^/]+\/$/.test(p.path)).map((p) => root + p.path.slice(1));
    expect(items.map((i) => i.link).sort()).toEqual(built.sort());
    const dates = items.map((i) => {
      expect(i.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      return Date.parse(i.pubDate!);
    });
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const i of items) {
      expect(i.link!.startsWith(root)).toBe(true);
      expect(i.title!.length).toBeGreaterThan(0);
      expect(i.description!.length).toBeGreaterThan(0);
      expect((i.guid as unknown as { '#text': string })['#text']).toBe(i.link);
    }
  });

  it('is announced in every page head', () => {
    expect(page('/').querySelector('link[rel="alternate"][type="application/rss+xml"]')!.getAttribute('href')).toBe('/rss.xml');
  });
});

describe('/quiz/', () => {
  const quiz = parseYaml(readFileSync('content/quiz.yaml', 'utf8')) as Array<{ id: string; question: string; options: string[]; answer: number; article?: number }>;
  const doc = page('/quiz/');

  it('shows every question without JavaScript, each answer behind 看答案, with a link to an article that exists when it tests one', () => {
    const items = doc.querySelectorAll('.quiz-item');
    expect(items.map((i) => i.getAttribute('data-id'))).toEqual(quiz.map((q) => q.id));
    for (const [i, q] of quiz.entries()) {
      const item = items[i]!;
      expect(item.querySelectorAll('.quiz-options li')).toHaveLength(q.options.length);
      const details = item.querySelector('details')!;
      expect(details.querySelector('summary')!.text).toBe('看答案');
      expect(details.querySelector('.quiz-right')!.text).toContain(q.options[q.answer - 1]!);
      const link = details.querySelector('a.quiz-source');
      if (q.article === undefined) {
        expect(link, q.id).toBeNull();
        continue;
      }
      const href = link!.getAttribute('href')!;
      const [path, anchor] = href.split('#');
      expect(exists(`${path!.slice(1)}index.html`), href).toBe(true);
      if (anchor) expect(page(path!).querySelector(`#${anchor}`), href).not.toBeNull();
    }
    expect(doc.querySelector('#quiz-q01 a.quiz-source')!.getAttribute('href')).toBe('/law/77/');
    expect(doc.querySelector('#quiz-q06 a.quiz-source')!.getAttribute('href')).toBe('/law/excerpts/#criminal-law-294');
  });

  it('shows no law link for a question that tests no article: no article names 12337', () => {
    const q = quiz.find((x) => x.question.includes('12337'))!;
    expect(q.article).toBeUndefined();
    const item = doc.querySelector(`#quiz-${q.id}`)!;
    expect(item.querySelector('.quiz-why')!.text).toContain('12337');
    expect(item.querySelector('a.quiz-source')).toBeNull();
    expect(item.text).not.toContain('看法律原文');
    // Every other question still links its article.
    expect(doc.querySelectorAll('a.quiz-source')).toHaveLength(quiz.filter((x) => x.article !== undefined).length);
  });
});

describe('offline reading', () => {
  const manifest = JSON.parse(readFileSync(`${DIST}/offline.json`, 'utf8')) as OfflineManifest;
  const sw = readFileSync(`${DIST}/sw.js`, 'utf8');

  it('离线保存 covers /law/, every article, /qa/ and every Q&A page, with their true sizes', () => {
    const urls = manifest.pages.map((p) => p.u);
    expect(urls).toContain('/law/');
    expect(urls).toContain('/qa/');
    for (let n = 1; n <= 77; n++) expect(urls, `/law/${n}/`).toContain(`/law/${n}/`);
    for (const p of qaPages) expect(urls).toContain(p.path);
    for (const f of [...manifest.pages, ...manifest.assets]) {
      const file = f.u.endsWith('/') ? join(DIST, f.u, 'index.html') : join(DIST, f.u);
      expect(statSync(file).size, f.u).toBe(f.b);
      expect(f.z).toBe(gz(file));
    }
    expect(manifest.total.bytes).toBe([...manifest.pages, ...manifest.assets].reduce((n, f) => n + f.b, 0));
  });

  it('includes every hashed file those pages load, including the read-aloud player loaded on demand', () => {
    const assets = manifest.assets.map((a) => a.u);
    for (const s of page('/law/61/').querySelectorAll('script[src], link[rel="stylesheet"]')) expect(assets).toContain(s.getAttribute('src') ?? s.getAttribute('href'));
    expect(assets.some((a) => /\/_astro\/read-aloud\.[\w-]+\.js$/.test(a))).toBe(true);
  });

  it('the worker carries this build version and its shell, and the fallback page is in the shell', () => {
    const cfg = JSON.parse(/^const __SW_CONFIG__=(.*);$/m.exec(sw)![1]!) as { version: string; base: string; shell: string[]; shellAssets: string[] };
    expect(cfg.version).toBe(manifest.version);
    expect(cfg.base).toBe(new URL(root).pathname);
    expect(cfg.shell).toEqual(['/', '/offline/no-network/', '/favicon.svg']);
    for (const a of cfg.shellAssets) expect(exists(a.slice(1)), a).toBe(true);
    expect(page('/offline/no-network/').querySelector('h1')!.text).toBe('现在没有网络');
    expect(page('/offline/no-network/').querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
  });

  it('/offline/ explains the size comes first, and the footer links to it', () => {
    expect(page('/offline/').querySelector('#offline')!.getAttribute('data-manifest')).toBe('/offline.json');
    expect(page('/law/61/').querySelectorAll('footer a').map((a) => a.getAttribute('href'))).toContain('/offline/');
  });
});
