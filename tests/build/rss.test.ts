import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DIST, page } from '../harness/dist.ts';
import { config, root, pages } from '../helpers/reading-pages.ts';

// The RSS feed of cases and news.
describe('RSS feed of cases and news', () => {
  const xml = readFileSync(`${DIST}/rss.xml`, 'utf8');
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(
    xml,
  ) as {
    rss: {
      '@_version': string;
      channel: {
        title: string;
        link: string;
        description: string;
        language: string;
        item?: Array<Record<string, string>>;
      };
    };
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
    const built = pages
      .filter((p) => /^\/(cases|news)\/[^/]+\/$/.test(p.path))
      .map((p) => root + p.path.slice(1));
    expect(items.map((i) => i.link).sort()).toEqual(built.sort());
    const dates = items.map((i) => {
      expect(i.pubDate).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
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

  // Posters (print sheets) and /q/ redirects are not reading pages, and do not announce it.
  it('is announced in the head of every reading page', () => {
    for (const p of pages) {
      const link = page(p.path).querySelector(
        'head link[rel="alternate"][type="application/rss+xml"]',
      );
      expect(link?.getAttribute('href'), p.path).toBe('/rss.xml');
    }
  });
});
