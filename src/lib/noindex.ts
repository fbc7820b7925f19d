import { parse } from 'node-html-parser';

/** True when an HTML page asks search engines not to index it (`<meta name="robots" content="noindex">`). */
export function isNoindex(html: string): boolean {
  // Robots meta tags live in <head>; parsing only the head keeps this cheap on every page.
  const end = html.search(/<\/head>/i);
  const head = end === -1 ? html : html.slice(0, end);
  if (!/noindex|none/i.test(head)) return false;
  return parse(head)
    .querySelectorAll('meta[name]')
    .some(
      (m) =>
        /^(robots|googlebot|baiduspider)$/i.test(m.getAttribute('name') ?? '') &&
        /(^|[\s,])(noindex|none)([\s,]|$)/i.test(m.getAttribute('content') ?? ''),
    );
}
