import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import site from 'virtual:aocl/site-config';
import { getCases, getNews } from '../data/stories.ts';
import { absoluteUrl, casePath, FILES, newsPath, PAGES } from '../lib/routes.ts';

/**
 * RSS 2.0 feed of 典型案例 and 工作动态, newest first. Links are absolute on the
 * configured public address (baseUrl, sub-path included): @astrojs/rss would resolve
 * relative links against the host only.
 */
export const GET: APIRoute = async () => {
  const [cases, news] = await Promise.all([getCases(), getNews()]);
  const items = [
    ...cases.map((c) => ({
      title: c.data.scenario ? `情景示例：${c.data.title}` : c.data.title,
      description: c.data.summary,
      pubDate: c.data.date,
      link: absoluteUrl(site.baseUrl, casePath(c.id)),
      categories: ['典型案例'],
    })),
    ...news.map((n) => ({
      title: n.data.title,
      description: n.data.summary,
      pubDate: n.data.date,
      link: absoluteUrl(site.baseUrl, newsPath(n.id)),
      categories: ['工作动态'],
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
  return rss({
    title: `${site.name}：典型案例和工作动态`,
    description: '反有组织犯罪法普法宣传网站发布的典型案例和工作动态。',
    site: absoluteUrl(site.baseUrl, PAGES.home),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${absoluteUrl(site.baseUrl, FILES.rss)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
