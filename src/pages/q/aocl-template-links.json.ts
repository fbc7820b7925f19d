import type { APIRoute } from 'astro';
import { getShortLinks } from '../../data/short-links.ts';
import type { ShortLinkEntry } from '../../lib/permalinks/short-link-page.ts';

/**
 * Every short link's code, target and title, for the short-links integration, which
 * writes their pages and then removes this file from the build (lib/permalinks/short-link-page.ts).
 */
export const GET: APIRoute = async () => {
  const links: ShortLinkEntry[] = (await getShortLinks()).map(({ code, target, title }) => ({
    code,
    target,
    title,
  }));
  return new Response(JSON.stringify(links), { headers: { 'Content-Type': 'application/json' } });
};
