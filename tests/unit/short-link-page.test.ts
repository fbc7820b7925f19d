import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  fillShortLinkPage,
  SHORT_LINK_TEMPLATE as T,
} from '../../src/lib/permalinks/short-link-page.ts';

// The shape of layouts/Redirect.astro's output, with a base path, as the build renders the template.
const template = `<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="refresh" content="0;url=/pufa${T.target}"><title>正在打开：${T.title} - 普法</title><meta name="description" content="短网址，打开“${T.title}”。"><link rel="canonical" href="https://pufa.invalid/pufa${T.target}"></head><body><main><p>请点这里：<a href="/pufa${T.target}">${T.title}</a></p></main></body></html>`;

describe('short link pages written from the one rendered page', () => {
  it('puts the target in the refresh, the canonical URL and the link, with the base path kept', () => {
    const doc = parse(
      fillShortLinkPage(template, { code: 'l61', target: '/law/61/', title: '第六十一条' }),
    );
    expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
      '0;url=/pufa/law/61/',
    );
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://pufa.invalid/pufa/law/61/',
    );
    expect(doc.querySelector('main a')!.getAttribute('href')).toBe('/pufa/law/61/');
    expect(doc.querySelector('title')!.text).toBe('正在打开：第六十一条 - 普法');
  });

  it('escapes a title in text and in attributes alike', () => {
    const title = "“黑”与<恶> & '保护伞'\"";
    const html = fillShortLinkPage(template, { code: 'k7m2', target: '/qa/x/', title });
    const doc = parse(html);
    expect(doc.querySelector('main a')!.text).toBe(title);
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(
      `短网址，打开“${title}”。`,
    );
    expect(html).not.toContain('<恶>');
  });

  it('refuses a target that is not a site path, and a template without the placeholders', () => {
    expect(() =>
      fillShortLinkPage(template, { code: 'x', target: 'https://evil.example/', title: 't' }),
    ).toThrow(/site path/);
    expect(() =>
      fillShortLinkPage('<html></html>', { code: 'x', target: '/qa/x/', title: 't' }),
    ).toThrow(/Redirect\.astro/);
  });
});
