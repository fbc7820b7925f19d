import { parse } from 'node-html-parser';

/** True when an HTML page asks search engines not to index it (`<meta name="robots" content="noindex">`). */
export function isNoindex(html: string): boolean {
  return parse(html)
    .querySelectorAll('meta[name]')
    .some(
      (m) =>
        /^(robots|googlebot|baiduspider)$/i.test(m.getAttribute('name') ?? '') &&
        /(^|[\s,])(noindex|none)([\s,]|$)/i.test(m.getAttribute('content') ?? ''),
    );
}
