import { parse, type HTMLElement } from 'node-html-parser';

/**
 * What a built HTML page makes the browser download on load, read from its markup.
 * Pure: the HTML text in, a list of resources out. Resource paths are resolved against
 * the page's URL path; files on another host are marked external.
 *
 * Left out on purpose: <link rel=prefetch> (for a later navigation), anything inside
 * <noscript> (not loaded when scripts run) or <template>, and scripts marked nomodule.
 */

export type ResourceKind = 'stylesheet' | 'script' | 'image' | 'font' | 'other';

export interface PageResource {
  kind: ResourceKind;
  /** The URL as written in the page. */
  url: string;
  /** Resolved URL path on the site (e.g. /_astro/Base.css), or null for external URLs. */
  path: string | null;
  /** The element and attribute it came from, e.g. link[rel=stylesheet]. */
  via: string;
  /** Stylesheets: the media attribute, if any. */
  media?: string | undefined;
  /** Stylesheets: applies to print only, so it never styles the screen. */
  printOnly?: boolean;
  /** Stylesheets that apply on screen, and classic scripts without async/defer: rendering waits for them. */
  renderBlocking: boolean;
  /** Scripts: an ES module, whose static imports load with it. */
  module?: boolean;
  /** Alternatives of which the browser loads one (srcset candidates, several icons): counted once, at the largest. */
  group?: string | undefined;
}

export interface PageResources {
  resources: PageResource[];
  /** Text of inline <script> elements that run as JavaScript. */
  inlineScripts: string[];
  /** Text of inline <style> elements. */
  inlineStyles: string[];
}

const JS_TYPES = new Set([
  '',
  'text/javascript',
  'application/javascript',
  'module',
  'text/ecmascript',
  'application/ecmascript',
]);

/** True when every media query in the list is for print ("print", "only print", "print and (…)"). */
export function isPrintOnlyMedia(media: string | undefined): boolean {
  if (!media?.trim()) return false;
  return media
    .toLowerCase()
    .split(',')
    .map((q) => q.trim())
    .every((q) => /^(only\s+)?print(\s+and\b.*)?$/.test(q));
}

function resolve(url: string, pageUrl: string): { path: string | null } | null {
  const u = url.trim();
  if (
    !u ||
    u.startsWith('data:') ||
    u.startsWith('#') ||
    u.startsWith('about:') ||
    u.startsWith('blob:')
  )
    return null;
  const origin = 'http://site.invalid';
  const resolved = new URL(u, origin + pageUrl);
  return { path: resolved.origin === origin ? resolved.pathname : null };
}

/** srcset "a.png 1x, b.png 2x" → ["a.png", "b.png"]. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

const FONT_RE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

function insideInert(el: HTMLElement): boolean {
  for (let p = el.parentNode; p; p = p.parentNode)
    if (p.rawTagName?.toLowerCase() === 'template') return true;
  return false;
}

export function pageResources(html: string, pageUrl: string): PageResources {
  const doc = parse(html, {
    comment: false,
    blockTextElements: { script: true, style: true, noscript: true, pre: true },
  });
  const resources: PageResource[] = [];
  const inlineScripts: string[] = [];
  const inlineStyles: string[] = [];
  const add = (r: Omit<PageResource, 'path'>) => {
    const res = resolve(r.url, pageUrl);
    if (res) resources.push({ ...r, path: res.path });
  };
  const els = (sel: string) => doc.querySelectorAll(sel).filter((e) => !insideInert(e));
  const rels = (e: HTMLElement) =>
    (e.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);

  for (const link of els('link[href]')) {
    const href = link.getAttribute('href')!;
    const rel = rels(link);
    if (rel.includes('stylesheet')) {
      if (link.hasAttribute('disabled')) continue;
      const media = link.getAttribute('media') ?? undefined;
      const printOnly = isPrintOnlyMedia(media);
      const alternate = rel.includes('alternate');
      add({
        kind: 'stylesheet',
        url: href,
        via: 'link[rel=stylesheet]',
        media,
        printOnly,
        renderBlocking: !printOnly && !alternate,
      });
    } else if (rel.includes('modulepreload')) {
      add({
        kind: 'script',
        url: href,
        via: 'link[rel=modulepreload]',
        module: true,
        renderBlocking: false,
      });
    } else if (rel.includes('preload')) {
      const as = (link.getAttribute('as') ?? '').toLowerCase();
      const kind: ResourceKind =
        as === 'style'
          ? 'stylesheet'
          : as === 'script'
            ? 'script'
            : as === 'image'
              ? 'image'
              : as === 'font'
                ? 'font'
                : 'other';
      add({
        kind,
        url: href,
        via: `link[rel=preload][as=${as}]`,
        renderBlocking: false,
        ...(kind === 'stylesheet' ? { printOnly: false } : {}),
      });
    } else if (rel.includes('icon')) {
      add({
        kind: 'image',
        url: href,
        via: 'link[rel=icon]',
        renderBlocking: false,
        group: 'icon',
      });
    } else if (rel.includes('manifest')) {
      add({ kind: 'other', url: href, via: 'link[rel=manifest]', renderBlocking: false });
    }
  }

  for (const script of els('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type) || script.hasAttribute('nomodule')) continue;
    const module = type === 'module';
    const src = script.getAttribute('src');
    if (src) {
      const deferred = module || script.hasAttribute('async') || script.hasAttribute('defer');
      add({
        kind: 'script',
        url: src,
        via: module ? 'script[type=module][src]' : 'script[src]',
        module,
        renderBlocking: !deferred,
      });
    } else if (script.text.trim()) {
      inlineScripts.push(script.text);
    }
  }

  for (const style of els('style')) if (style.text.trim()) inlineStyles.push(style.text);

  let group = 0;
  for (const img of els('img')) {
    const id = `img-${group++}`;
    const picture = img.parentNode?.rawTagName?.toLowerCase() === 'picture' ? img.parentNode : null;
    const candidates = [
      ...(picture
        ? picture
            .querySelectorAll('source[srcset]')
            .flatMap((s) => srcsetUrls(s.getAttribute('srcset')!))
        : []),
      ...srcsetUrls(img.getAttribute('srcset') ?? ''),
      ...(img.getAttribute('src') ? [img.getAttribute('src')!] : []),
    ];
    for (const url of candidates)
      add({ kind: 'image', url, via: 'img', renderBlocking: false, group: id });
  }
  for (const v of els('video[poster]'))
    add({
      kind: 'image',
      url: v.getAttribute('poster')!,
      via: 'video[poster]',
      renderBlocking: false,
    });
  for (const i of els('input[type=image][src]'))
    add({
      kind: 'image',
      url: i.getAttribute('src')!,
      via: 'input[type=image]',
      renderBlocking: false,
    });
  for (const [sel, attr] of [
    ['iframe[src]', 'src'],
    ['embed[src]', 'src'],
    ['object[data]', 'data'],
    ['video[src]', 'src'],
    ['audio[src]', 'src'],
  ] as const) {
    for (const e of els(sel))
      add({ kind: 'other', url: e.getAttribute(attr)!, via: sel, renderBlocking: false });
  }

  for (const r of resources) if (r.kind === 'other' && FONT_RE.test(r.url)) r.kind = 'font';
  return { resources, inlineScripts, inlineStyles };
}
