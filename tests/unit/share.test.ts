import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SHARE_IMAGE_SIZE,
  SHARE_SECTIONS,
  shareImagePath,
  shareSectionFor,
  shareTemplateHash,
} from '../../src/lib/share/images.ts';
import { shareText, shareUrl } from '../../src/lib/share/share-url.ts';
import { faqPageJsonLd, jsonLdText } from '../../src/lib/share/structured-data.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('share images', () => {
  it('one section per URL prefix, the site image for everything else', () => {
    expect(shareSectionFor('/law/61/').id).toBe('law');
    expect(shareSectionFor('/law/').id).toBe('law');
    expect(shareSectionFor('/qa/how-to-report/').id).toBe('qa');
    expect(shareSectionFor('/materials/slogans/').id).toBe('materials');
    expect(shareSectionFor('/quiz/').id).toBe('quiz');
    expect(shareSectionFor('/').id).toBe('site');
    expect(shareSectionFor('/glossary/').id).toBe('site');
    expect(shareSectionFor('/site/').id).toBe('site');
  });

  it('are committed PNGs of 1200×630, made from the current template (else run npm run share-images)', () => {
    const recorded = JSON.parse(readFileSync('public/share/images.json', 'utf8')) as {
      template: string;
      sections: string[];
    };
    expect(
      recorded.template,
      'the share image template or sections changed: run npm run share-images',
    ).toBe(shareTemplateHash());
    expect(recorded.sections).toEqual(SHARE_SECTIONS.map((s) => s.id));
    for (const s of SHARE_SECTIONS) {
      const file = `public${shareImagePath(s)}`;
      expect(pngSize(file)).toEqual(SHARE_IMAGE_SIZE);
      expect(readFileSync(file).length, file).toBeLessThan(60_000);
    }
  });
});

describe('copy-link text', () => {
  it('is the title, a summary and the short link (or the canonical address) under the base path', () => {
    expect(shareUrl('https://example.org/pufa/', '/qa/how-to-report/', 'k7m2')).toBe(
      'https://example.org/pufa/q/k7m2/',
    );
    const url = shareUrl('https://example.org/pufa/', '/qa/how-to-report/');
    expect(url).toBe('https://example.org/pufa/qa/how-to-report/');
    expect(shareText({ title: '怎样举报？', summary: '可以……', url })).toBe(
      '怎样举报？\n可以……\nhttps://example.org/pufa/qa/how-to-report/',
    );
    expect(shareText({ title: '我要举报', summary: ' ', url })).toBe(
      '我要举报\nhttps://example.org/pufa/qa/how-to-report/',
    );
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element', () => {
    const text = jsonLdText(
      faqPageJsonLd('https://example.org/', [
        { question: '</script><script>alert(1)</script>？', answer: 'a' },
      ]),
    );
    expect(text).not.toContain('</');
    expect(JSON.parse(text).mainEntity[0].name).toBe('</script><script>alert(1)</script>？');
  });
});
