/**
 * The pages of /q/<code>/ short links, written from one rendered page.
 *
 * Every short link page is the same redirect page (layouts/Redirect.astro) with another
 * target and title. Rendering each through Astro cost about 1.2 ms a page, 2.5 s of a
 * 2,000-Q&A build, for pages nobody reads. So a build renders the route once, with the
 * sentinels below in place of target and title, and the short-links integration writes
 * every link's page from that one (fillShortLinkPage). `astro dev` still renders each link
 * through the route. The layout stays the one source of the page's markup.
 */
import type { ShortLink } from './short-links.ts';

/** The one short link a build renders: its code names the template page, never a real one. */
export const SHORT_LINK_TEMPLATE: ShortLink = {
  code: 'aocl-template',
  target: '/aocl-template-target/',
  title: 'aocl-template-title',
  source: 'src/lib/permalinks/short-link-page.ts',
};

/** What the integration needs of each link, written by the build next to the template. */
export type ShortLinkEntry = Pick<ShortLink, 'code' | 'target' | 'title'>;

/** Where the build writes the template page and the list, below the output folder (both removed after use). */
export const SHORT_LINK_TEMPLATE_FILE = `q/${SHORT_LINK_TEMPLATE.code}/index.html`;
export const SHORT_LINK_LIST_FILE = 'q/aocl-template-links.json';

/** Escapes text for HTML text and quoted attribute values alike (a title appears in both). */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The page of one short link, from the page rendered with SHORT_LINK_TEMPLATE. */
export function fillShortLinkPage(template: string, link: ShortLinkEntry): string {
  if (!/^\/(?:[a-z0-9-]+\/)*$/.test(link.target))
    throw new Error(
      `short link ${link.code}: target "${link.target}" is not a site path like /qa/slug/`,
    );
  for (const s of [SHORT_LINK_TEMPLATE.target, SHORT_LINK_TEMPLATE.title])
    if (!template.includes(s))
      throw new Error(
        `short link template: "${s}" not found in the rendered page (layouts/Redirect.astro changed?)`,
      );
  return template
    .replaceAll(SHORT_LINK_TEMPLATE.target, link.target)
    .replaceAll(SHORT_LINK_TEMPLATE.title, escapeHtml(link.title));
}
