import { absoluteUrl, shortLinkPath } from '../routes.ts';

/**
 * The address put into shared text (「复制链接」): the page's short link /q/<code>/
 * when it has a code (law articles, Q&A, materials, cases, news), else its canonical address.
 * Short links are short enough to survive being retyped from a chat message.
 */
export function shareUrl(baseUrl: string, path: string, code?: string | undefined): string {
  return absoluteUrl(baseUrl, code ? shortLinkPath(code) : path);
}

/** The text 「复制链接」 copies: a title line, an optional one-line summary, then the address on its own line. */
export function shareText(parts: {
  title: string;
  summary?: string | undefined;
  url: string;
}): string {
  return [parts.title, parts.summary, parts.url]
    .filter((s): s is string => !!s && s.trim() !== '')
    .join('\n');
}
