import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { SHARE_SECTIONS } from '../../src/lib/share/images.ts';
import { exists, page } from '../harness/dist.ts';
import { root, pages, qaPages } from '../helpers/reading-pages.ts';

// What a page shows when shared: Open Graph tags and, on Q&A pages, FAQPage structured data.
describe('Open Graph', () => {
  it('every page has the tags, with an absolute image of 1200×630 that exists, one image per section', () => {
    const images = new Set<string>();
    for (const p of pages) {
      const doc = page(p.path);
      const og = (k: string) =>
        doc.querySelector(`meta[property="og:${k}"]`)?.getAttribute('content');
      for (const k of ['type', 'title', 'description', 'url', 'site_name', 'image', 'image:alt'])
        expect(og(k), `${p.path} og:${k}`).toBeTruthy();
      expect(og('image')!.startsWith(root), p.path).toBe(true);
      expect(exists(og('image')!.slice(root.length)), og('image')!).toBe(true);
      expect([og('image:width'), og('image:height')]).toEqual(['1200', '630']);
      if (doc.querySelector('link[rel="canonical"]'))
        expect(og('url'), p.path).toBe(
          doc.querySelector('link[rel="canonical"]')!.getAttribute('href'),
        );
      images.add(og('image')!);
    }
    expect(images.size).toBeLessThanOrEqual(SHARE_SECTIONS.length);
    expect(
      page('/law/61/').querySelector('meta[property="og:image"]')!.getAttribute('content'),
    ).toBe(root + 'share/law.png');
    expect(page('/qa/').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(
      root + 'share/qa.png',
    );
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
        z
          .object({
            '@type': z.literal('Question'),
            name: z.string().min(1),
            acceptedAnswer: z
              .object({ '@type': z.literal('Answer'), text: z.string().min(1) })
              .strict(),
          })
          .strict(),
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
    expect(data.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: doc.querySelector('h1')!.text,
        acceptedAnswer: { '@type': 'Answer', text: doc.querySelector('.answer')!.text },
      },
    ]);
  });

  it('appears on Q&A pages only', () => {
    for (const p of pages.filter((x) => !qaPages.includes(x)))
      expect(page(p.path).querySelector('script[type="application/ld+json"]'), p.path).toBeNull();
  });
});
