import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { page } from '../harness/dist.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

const { config } = loadSiteConfig();

describe('the privacy note', () => {
  it('says what is collected, what stays on the device and how to report without traces, and links to 我要举报', () => {
    const main = page('/privacy/').querySelector('main')!;
    expect(main.querySelector('h1')!.text).toBe('隐私说明');
    const text = main.text;
    for (const phrase of ['不收集', '访问记录', '不使用 Cookie', '清除浏览数据', '无痕模式'])
      expect(text).toContain(phrase);
    expect(main.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/report/');
  });

  it('is linked from the footer of every reading page (posters and redirects have no footer)', () => {
    for (const path of [...sitemapPaths(config.baseUrl), '/search/', '/404.html']) {
      const hrefs = page(path)
        .querySelectorAll('footer a')
        .map((a) => a.getAttribute('href'));
      expect(hrefs, path).toContain('/privacy/');
    }
  });
});
