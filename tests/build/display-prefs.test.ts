import { describe, expect, it } from 'vitest';
import { page } from '../harness/dist.ts';
import { pages } from '../helpers/reading-pages.ts';

// 大字模式 and 高对比 in the built pages (tests/browser/display-prefs.test.ts uses them).
describe('display settings: 大字模式 and 高对比', () => {
  it('every page loads the preference script first in <head>, blocking and external, before any stylesheet', () => {
    for (const p of pages) {
      const head = page(p.path).querySelector('head')!;
      const first = head.querySelector('script')!;
      expect(first, p.path).not.toBeNull();
      expect(first.getAttribute('src'), p.path).toMatch(/\/_astro\/prefs\.[\w-]+\.js$/);
      for (const a of ['async', 'defer', 'type'])
        expect(first.hasAttribute(a), `${p.path}: ${a}`).toBe(false);
      const html = head.innerHTML;
      expect(html.indexOf(first.getAttribute('src')!), p.path).toBeLessThan(
        Math.max(html.indexOf('rel="stylesheet"'), 0) || Infinity,
      );
    }
  });

  it('has two real toggle buttons in the header, with aria-pressed', () => {
    const buttons = page('/law/61/').querySelectorAll('header [data-pref]');
    expect(
      buttons.map((b) => [
        b.tagName,
        b.getAttribute('type'),
        b.getAttribute('aria-pressed'),
        b.text,
      ]),
    ).toEqual([
      ['BUTTON', 'button', 'false', '大字模式'],
      ['BUTTON', 'button', 'false', '高对比'],
    ]);
  });
});
