import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  casePath,
  entryPath,
  href,
  joinBase,
  lawAnchorExists,
  lawArticleInFullText,
  lawArticlePath,
  lawChapterInFullText,
  materialPath,
  newsPath,
  PAGES,
  posterPath,
  qaPath,
  qaTopicPath,
  shortLinkPath,
  STATIC_PATHS,
  stripBase,
  withTrailingSlash,
} from '../../src/lib/routes.ts';

describe('routes: base path and trailing slash', () => {
  it('adds the trailing slash once', () => {
    expect(withTrailingSlash('/pufa')).toBe('/pufa/');
    expect(withTrailingSlash('/pufa/')).toBe('/pufa/');
    expect(withTrailingSlash('/')).toBe('/');
    expect(withTrailingSlash('')).toBe('/');
  });

  it('joins a base path and a site path whether or not the base ends in "/"', () => {
    expect(joinBase('/', '/law/61/')).toBe('/law/61/');
    expect(joinBase('/pufa', '/law/61/')).toBe('/pufa/law/61/');
    expect(joinBase('/pufa/', '/law/61/')).toBe('/pufa/law/61/');
    expect(joinBase('/pufa/', '_astro/x.js')).toBe('/pufa/_astro/x.js');
  });

  it('takes the base path off again, and leaves paths outside it alone', () => {
    expect(stripBase('/pufa', '/pufa/law/61/')).toBe('/law/61/');
    expect(stripBase('/pufa/', '/pufa/')).toBe('/');
    expect(stripBase('/', '/law/')).toBe('/law/');
    expect(stripBase('/pufa/', 'https://elsewhere.example/')).toBe('https://elsewhere.example/');
  });

  it('href adds the base the tests run under and refuses relative paths', () => {
    expect(href('/law/61/')).toBe(joinBase(import.meta.env.BASE_URL, '/law/61/'));
    expect(() => href('law/61/')).toThrow(/root-relative/);
  });

  it('makes absolute addresses on the configured site address, with or without its final slash', () => {
    expect(absoluteUrl('https://www.example.gov.cn/pufa', '/q/l61/')).toBe(
      'https://www.example.gov.cn/pufa/q/l61/',
    );
    expect(absoluteUrl('https://www.example.gov.cn/pufa/', '/q/l61/')).toBe(
      'https://www.example.gov.cn/pufa/q/l61/',
    );
    expect(absoluteUrl('https://www.example.gov.cn/', '/')).toBe('https://www.example.gov.cn/');
  });
});

describe('routes: every page path', () => {
  it('content pages', () => {
    expect(lawArticlePath(61)).toBe('/law/61/');
    expect(qaPath('baohusan')).toBe('/qa/baohusan/');
    expect(casePath('a')).toBe('/cases/a/');
    expect(newsPath('b')).toBe('/news/b/');
    expect(materialPath('mingbaika')).toBe('/materials/mingbaika/');
    expect(entryPath('qa', 'x')).toBe(qaPath('x'));
    expect(qaTopicPath('举报')).toBe('/qa/#topic-%E4%B8%BE%E6%8A%A5');
  });

  it('posters and short links', () => {
    expect(posterPath('law', 61)).toBe('/posters/law/61/');
    expect(posterPath('qa', 'baohusan')).toBe('/posters/qa/baohusan/');
    expect(posterPath('materials', 'x')).toBe('/posters/materials/x/');
    expect(shortLinkPath('kg43')).toBe('/q/kg43/');
  });

  it('static pages are site paths, each once', () => {
    for (const p of STATIC_PATHS) expect(p).toMatch(/^\/([a-z-]+\/)*$/);
    expect(new Set(STATIC_PATHS).size).toBe(STATIC_PATHS.length);
    expect(STATIC_PATHS).toContain(PAGES.report);
  });

  it('anchors on /law/ exist only within the law', () => {
    expect(lawArticleInFullText(61)).toBe('/law/#art-61');
    expect(lawChapterInFullText(7)).toBe('/law/#chapter-7');
    expect(lawAnchorExists('art-77', 77, 9)).toBe(true);
    expect(lawAnchorExists('art-78', 77, 9)).toBe(false);
    expect(lawAnchorExists('chapter-9', 77, 9)).toBe(true);
    expect(lawAnchorExists('chapter-0', 77, 9)).toBe(false);
    expect(lawAnchorExists('top', 77, 9)).toBe(false);
  });
});
