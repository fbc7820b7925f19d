import { HASHED_DIR, SEARCH_INDEX_DIR, withTrailingSlash } from './routes.ts';

/**
 * The HTTP response headers the site is served with: one source of truth for
 * dist/_headers (written at build by src/integrations/headers-file.ts) and for the
 * nginx configuration in deploy/ (checked against these values by the tests).
 */

/**
 * Content-Security-Policy directives. Nothing is inlined (no inline scripts, styles or
 * style attributes: see astro.config.mjs), so everything comes from 'self' and no
 * hashes or nonces are needed. Pagefind compiles its WebAssembly search engine in a
 * same-origin worker (/pagefind/pagefind-worker.js): that needs 'wasm-unsafe-eval',
 * which allows compiling WebAssembly but not JavaScript eval(). worker-src falls back
 * to script-src, so the worker may only come from 'self'.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map((d) => d.join(' ')).join('; ');

/**
 * Browser features no page uses, switched off for this site and anything it might
 * embed. Only features Chromium recognizes: it warns about unknown names on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((f) => `${f}=()`)
  .join(', ');

/** Sent with every response, HTML or not, including the 404 page. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // One year. No includeSubDomains: the site often shares a host name with a
  // department's other services, which this site must not force onto HTTPS.
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  // Readers arrive from QR codes and shared links: never tell another site where
  // they came from.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Cache-Control values. */
export const CACHE_CONTROL = {
  /** Files under /_astro/ and /search-index/ carry a content hash in their path: they never change. */
  hashedAssets: 'public, max-age=31536000, immutable',
  /** HTML and everything else (search hints, pagefind, favicon, sitemap): five minutes. */
  short: 'public, max-age=300',
} as const;

/**
 * The `_headers` file read by static hosts and CDNs (Netlify, Cloudflare Pages and
 * others use this format): a path pattern, then its headers indented below it.
 *
 * Only the hashed assets (and the search index, whose folders are hashed) get a Cache-Control line. These hosts apply every rule that
 * matches a path and join repeated header names with commas, so a short Cache-Control
 * on `/*` would be merged into the long one on `/_astro/*`; HTML keeps the host's own
 * default, which revalidates.
 */
export function headersFile(base: string): string {
  const root = withTrailingSlash(base);
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return (
    [
      '# Written by the build from src/lib/security-headers.ts. Do not edit.',
      block(`${root}*`, SECURITY_HEADERS),
      block(`${root}${HASHED_DIR}*`, { 'Cache-Control': CACHE_CONTROL.hashedAssets }),
      block(`${root}${SEARCH_INDEX_DIR}*`, { 'Cache-Control': CACHE_CONTROL.hashedAssets }),
    ].join('\n\n') + '\n'
  );
}
