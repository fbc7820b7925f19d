import { absoluteUrl } from './routes.ts';

/**
 * robots.txt for the site at `baseUrl`: everything may be crawled, and the sitemap
 * index is named with its full public address. Pages that must stay out of search
 * engines (search results, 404) say so themselves with <meta name="robots">.
 */
export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(baseUrl, '/sitemap-index.xml')}`,
    '',
  ].join('\n');
}
