import { describe, expect, it } from 'vitest';
import { isNoindex } from '../../src/lib/noindex.ts';
import { robotsTxt } from '../../src/lib/robots-txt.ts';

describe('robotsTxt', () => {
  it('names the sitemap index on the base URL, sub-path included', () => {
    expect(robotsTxt('https://www.example.gov.cn/pufa/')).toContain(
      'Sitemap: https://www.example.gov.cn/pufa/sitemap-index.xml\n',
    );
    expect(robotsTxt('https://www.example.gov.cn/pufa')).toContain(
      'Sitemap: https://www.example.gov.cn/pufa/sitemap-index.xml\n',
    );
    expect(robotsTxt('http://localhost:4321')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml\n',
    );
  });
});

describe('isNoindex', () => {
  const page = (meta: string) =>
    `<!DOCTYPE html><html><head>${meta}<title>t</title></head><body></body></html>`;
  it('finds robots noindex in either attribute order, and "none"', () => {
    expect(isNoindex(page('<meta name="robots" content="noindex">'))).toBe(true);
    expect(isNoindex(page('<meta content="noindex, follow" name="robots">'))).toBe(true);
    expect(isNoindex(page('<meta name="ROBOTS" content="none">'))).toBe(true);
  });
  it('is false for indexable pages', () => {
    expect(isNoindex(page(''))).toBe(false);
    expect(isNoindex(page('<meta name="robots" content="index, follow">'))).toBe(false);
    expect(isNoindex(page('<meta name="description" content="noindex">'))).toBe(false);
  });
});
