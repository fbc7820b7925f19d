import { analyzeCss } from './css.ts';
import { staticImports } from './js-imports.ts';
import { pageResources, type PageResource } from './page-resources.ts';
import { rawSize, transferSize } from './transfer.ts';

/**
 * The weight of one built page: its HTML and everything it loads before the reader
 * interacts, in raw bytes and in transfer bytes (gzip -9, see transfer.ts). Pure apart
 * from `read`, which returns a file's bytes for a site path (or undefined if missing).
 */

export type ReadAsset = (path: string) => Uint8Array | undefined;

export interface Sized {
  path: string;
  raw: number;
  gzip: number;
}
export interface CssFile extends Sized {
  media?: string | undefined;
  printOnly: boolean;
  renderBlocking: boolean;
  /** Print-only rules inside this file (see css.ts). */
  printOnlyRules: Array<{ rule: string; bytes: number }>;
  setsPageSize: boolean;
}
export interface JsFile extends Sized {
  /** How it is loaded: script[src], script[type=module][src], link[rel=modulepreload], or "import from <path>". */
  how: string;
  renderBlocking: boolean;
}

export interface PageWeight {
  /** URL path of the page. */
  page: string;
  html: { raw: number; gzip: number };
  /**
   * The start of the HTML, through the end of the first <section> in <main> (the whole
   * HTML when there is none): what a long page such as /law/ must deliver first. HTML is
   * parsed and shown as it streams, so this part renders before the rest has arrived.
   */
  htmlStart: { raw: number; gzip: number };
  /** Every stylesheet the page loads, print ones included (browsers download them too). */
  css: CssFile[];
  /** External JavaScript that loads before the reader interacts, static imports included. */
  js: JsFile[];
  /** Inline JavaScript (already part of the HTML bytes; counted again in the JS budget). */
  inlineJs: { raw: number; gzip: number };
  /** Images, icons and CSS backgrounds: for alternatives (srcset, several icons) the largest one. */
  images: Sized[];
  fonts: Sized[];
  other: Sized[];
  /** Site paths the page refers to that do not exist. */
  missing: string[];
  /** URLs on another host (never measured; the site must not have any). */
  external: string[];
  totals: {
    css: number;
    js: number;
    images: number;
    fonts: number;
    other: number;
    /** HTML and everything above: what a first visit downloads before any interaction. */
    firstView: number;
    /** HTML, render-blocking CSS and parser-blocking JS: what must arrive before text shows. */
    critical: number;
    /** The same with only the start of the HTML (htmlStart). */
    criticalStart: number;
  };
}

interface Asset {
  raw: number;
  gzip: number;
  text: string;
}

/** Reused across pages, so shared files are read and compressed once. */
export type AssetCache = Map<string, Asset | null>;

function load(path: string, read: ReadAsset, cache: AssetCache): Asset | null {
  let a = cache.get(path);
  if (a === undefined) {
    const bytes = read(path);
    a = bytes
      ? {
          raw: rawSize(bytes),
          gzip: transferSize(bytes),
          text: Buffer.from(bytes).toString('utf8'),
        }
      : null;
    cache.set(path, a);
  }
  return a;
}

const sum = (xs: Array<{ gzip: number }>) => xs.reduce((n, x) => n + x.gzip, 0);

/** The HTML through the end of the first <section> inside <main>, or all of it. */
export function htmlThroughFirstSection(html: string): string {
  const main = html.search(/<main[\s>]/);
  if (main === -1) return html;
  const open = html.slice(main).search(/<section[\s>]/);
  if (open === -1) return html;
  // Sections can nest: find the </section> that closes the first one.
  const tags = /<(\/?)section[\s>]/g;
  tags.lastIndex = main + open;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(0, html.indexOf('>', m.index) + 1);
  }
  return html;
}
const origin = 'http://site.invalid';
const resolvePath = (url: string, from: string): string | null => {
  const u = new URL(url, origin + from);
  return u.origin === origin ? u.pathname : null;
};

export async function measurePage(
  page: string,
  html: string,
  read: ReadAsset,
  cache: AssetCache = new Map(),
): Promise<PageWeight> {
  const { resources, inlineScripts } = pageResources(html, page);
  const w: PageWeight = {
    page,
    html: { raw: rawSize(html), gzip: transferSize(html) },
    htmlStart: { raw: 0, gzip: 0 },
    css: [],
    js: [],
    inlineJs: { raw: 0, gzip: 0 },
    images: [],
    fonts: [],
    other: [],
    missing: [],
    external: [],
    totals: {
      css: 0,
      js: 0,
      images: 0,
      fonts: 0,
      other: 0,
      firstView: 0,
      critical: 0,
      criticalStart: 0,
    },
  };
  const start = htmlThroughFirstSection(html);
  w.htmlStart = start === html ? w.html : { raw: rawSize(start), gzip: transferSize(start) };
  const seen = new Set<string>();
  const groups = new Map<string, Sized & { kind: 'image' | 'font' | 'other' }>();

  const locate = (r: Pick<PageResource, 'url' | 'path'>): { path: string; asset: Asset } | null => {
    if (r.path === null) {
      w.external.push(r.url);
      return null;
    }
    const asset = load(r.path, read, cache);
    if (!asset) {
      if (!w.missing.includes(r.path)) w.missing.push(r.path);
      return null;
    }
    return { path: r.path, asset };
  };

  const addPassive = (
    kind: 'image' | 'font' | 'other',
    path: string,
    asset: Asset,
    group?: string,
  ) => {
    const key = group ?? `path:${path}`;
    const prev = groups.get(key);
    if (!prev || prev.gzip < asset.gzip)
      groups.set(key, { kind, path, raw: asset.raw, gzip: asset.gzip });
  };

  const addJs = async (
    path: string,
    asset: Asset,
    how: string,
    renderBlocking: boolean,
    module: boolean,
  ) => {
    if (seen.has(`js:${path}`)) return;
    seen.add(`js:${path}`);
    w.js.push({ path, raw: asset.raw, gzip: asset.gzip, how, renderBlocking });
    if (!module) return;
    for (const spec of await staticImports(asset.text)) {
      if (!/^(\.{0,2}\/)/.test(spec)) continue; // bare specifiers cannot load in a browser without an import map
      const p = resolvePath(spec, path);
      const f = locate({ url: spec, path: p });
      if (f) await addJs(f.path, f.asset, `import from ${path}`, false, true);
    }
  };

  for (const r of resources) {
    const f = locate(r);
    if (!f) continue;
    if (r.kind === 'stylesheet') {
      if (seen.has(`css:${f.path}`)) continue;
      seen.add(`css:${f.path}`);
      const a = analyzeCss(f.asset.text);
      w.css.push({
        path: f.path,
        raw: f.asset.raw,
        gzip: f.asset.gzip,
        media: r.media,
        printOnly: r.printOnly ?? false,
        renderBlocking: r.renderBlocking,
        printOnlyRules: a.printOnly,
        setsPageSize: a.setsPageSize,
      });
      // Backgrounds and fonts of screen CSS load with the first view (counted whether used or not).
      if (!r.printOnly) {
        for (const u of [...a.urls, ...a.imports]) {
          const g = locate({ url: u, path: resolvePath(u, f.path) });
          if (g)
            addPassive(
              /\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(u)
                ? 'font'
                : /\.css(\?|#|$)/i.test(u)
                  ? 'other'
                  : 'image',
              g.path,
              g.asset,
            );
        }
      }
    } else if (r.kind === 'script') {
      await addJs(f.path, f.asset, r.via, r.renderBlocking, r.module ?? false);
    } else {
      addPassive(r.kind, f.path, f.asset, r.group);
    }
  }

  for (const g of groups.values()) {
    const { kind, ...sized } = g;
    (kind === 'image' ? w.images : kind === 'font' ? w.fonts : w.other).push(sized);
  }
  const inline = inlineScripts.join('\n');
  w.inlineJs = inline ? { raw: rawSize(inline), gzip: transferSize(inline) } : { raw: 0, gzip: 0 };

  const t = w.totals;
  t.css = sum(w.css);
  t.js = sum(w.js) + w.inlineJs.gzip;
  t.images = sum(w.images);
  t.fonts = sum(w.fonts);
  t.other = sum(w.other);
  t.firstView = w.html.gzip + t.css + sum(w.js) + t.images + t.fonts + t.other;
  const blocking =
    sum(w.css.filter((c) => c.renderBlocking)) + sum(w.js.filter((j) => j.renderBlocking));
  t.critical = w.html.gzip + blocking;
  t.criticalStart = w.htmlStart.gzip + blocking;
  return w;
}
