import postcss, { type AtRule } from 'postcss';
import { isPrintOnlyMedia } from './page-resources.ts';

/**
 * What a stylesheet pulls in and whether it carries print-only rules. Pure.
 * "Print-only" means @media print blocks and @page rules: on a reading page they belong
 * in a stylesheet linked with media="print", never in the CSS that styles the screen.
 * A stylesheet that sets a printed page size (@page { size: A4 }) lays out posters or
 * cards: reading pages must not load it at all.
 */
export interface CssAnalysis {
  /** url(…) references other than data: URIs (fonts, images). */
  urls: string[];
  /** @import targets. */
  imports: string[];
  /** Print-only rules found, as short labels with their size in bytes (unminified as written). */
  printOnly: Array<{ rule: string; bytes: number }>;
  /** True when the sheet sets a printed page size: a poster or card sheet. */
  setsPageSize: boolean;
}

const URL_RE = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi;

function urlsIn(value: string): string[] {
  return [...value.matchAll(URL_RE)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim())
    .filter((u) => u && !u.startsWith('data:') && !u.startsWith('#'));
}

export function analyzeCss(css: string): CssAnalysis {
  const root = postcss.parse(css);
  const out: CssAnalysis = { urls: [], imports: [], printOnly: [], setsPageSize: false };
  root.walkAtRules((rule) => {
    const name = rule.name.toLowerCase();
    if (name === 'import') {
      const target = urlsIn(rule.params)[0] ?? rule.params.match(/^\s*["']([^"']+)["']/)?.[1];
      if (target) out.imports.push(target);
    } else if (name === 'page') {
      if (rule.some((n) => n.type === 'decl' && n.prop.toLowerCase() === 'size'))
        out.setsPageSize = true;
      const inPrint =
        rule.parent?.type === 'atrule' && isPrintOnlyMedia((rule.parent as AtRule).params);
      if (!inPrint)
        out.printOnly.push({ rule: `@page ${rule.params}`.trim(), bytes: rule.toString().length });
    } else if (name === 'media' && isPrintOnlyMedia(rule.params)) {
      out.printOnly.push({ rule: `@media ${rule.params}`, bytes: rule.toString().length });
    }
  });
  root.walkDecls((decl) => {
    out.urls.push(...urlsIn(decl.value));
  });
  return out;
}
