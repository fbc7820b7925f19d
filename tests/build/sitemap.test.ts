import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { isNoindex } from '../../src/lib/noindex.ts';
import { isUnlistedPath } from '../../src/lib/permalinks/unlisted.ts';
import { absoluteUrl } from '../../src/lib/routes.ts';
import { DIST, htmlPages } from '../harness/dist.ts';
import { sitemapUrls } from '../helpers/sitemap.ts';

const { config } = loadSiteConfig();
const root = config.baseUrl.replace(/\/?$/, '/');

describe('sitemap and robots.txt', () => {
  const urls = sitemapUrls(config.baseUrl);

  it('the sitemap lists every page on the configured base URL, except the noindex ones, posters and short links', () => {
    const pages = htmlPages();
    const indexable = pages.filter((p) => !isNoindex(readFileSync(p.file, 'utf8')));
    expect(pages.length - indexable.length).toBeGreaterThanOrEqual(2); // 404, search, redirects
    const listed = indexable.filter((p) => !isUnlistedPath(p.path));
    expect([...urls].sort()).toEqual(listed.map((p) => absoluteUrl(config.baseUrl, p.path)).sort());
    expect(urls.every((u) => u.startsWith(root))).toBe(true);
    expect(urls).toContain(absoluteUrl(config.baseUrl, '/privacy/'));
  });

  it('robots.txt allows crawling and names the sitemap index on the configured base URL', () => {
    const robots = readFileSync(`${DIST}/robots.txt`, 'utf8');
    expect(robots.split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      '',
      `Sitemap: ${root}sitemap-index.xml`,
      '',
    ]);
  });
});
