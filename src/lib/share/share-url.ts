import { absoluteUrl } from '../urls.ts';

/**
 * The address put into shared text (「复制链接」). For now the page's canonical address.
 *
 * Hook for short links: pages with a short code (Q&A, cases, news, materials) pass it as
 * `code`. Once /q/<code>/ pages are built (the short-link feature), return
 * absoluteUrl(baseUrl, `/q/${code}/`) for them here; every 复制链接 button follows.
 */
export function shareUrl(baseUrl: string, path: string, _code?: string | undefined): string {
  return absoluteUrl(baseUrl, path);
}

/** The text 「复制链接」 copies: a title line, an optional one-line summary, then the address on its own line. */
export function shareText(parts: { title: string; summary?: string | undefined; url: string }): string {
  return [parts.title, parts.summary, parts.url].filter((s): s is string => !!s && s.trim() !== '').join('\n');
}
