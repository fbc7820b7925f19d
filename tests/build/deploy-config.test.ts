import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { CACHE_CONTROL, headersFile, SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { DIST } from '../harness/dist.ts';

/**
 * The two shipped server configurations carry the header values of
 * src/lib/security-headers.ts: dist/_headers (written by the build) and the nginx
 * files in deploy/ (written by hand, so compared here). The nginx test in
 * tests/browser/ then checks what nginx actually sends.
 */
const { config } = loadSiteConfig();
const base = new URL(config.baseUrl).pathname.replace(/\/?$/, '/');

/** `add_header Name "value" always;` lines of an nginx file, with comments removed. */
function addHeaders(conf: string): Array<{ name: string; value: string; always: boolean }> {
  const text = conf.replace(/#.*$/gm, '');
  return [
    ...text.matchAll(/\badd_header\s+(\S+)\s+("([^"]*)"|'([^']*)'|(\S+?))(\s+always)?\s*;/g),
  ].map((m) => ({
    name: m[1]!,
    value: m[3] ?? m[4] ?? m[5]!,
    always: !!m[6],
  }));
}

/** The body of the first `location <match> { … }` block (no nested braces inside). */
function locationBlock(conf: string, match: string): string {
  const start = conf.indexOf(`location ${match} {`);
  if (start < 0) throw new Error(`no "location ${match}" block`);
  return conf.slice(conf.indexOf('{', start) + 1, conf.indexOf('}', start));
}

const serverBlock = readFileSync('deploy/nginx.conf', 'utf8');
const siteConf = readFileSync('deploy/nginx/site.conf', 'utf8');
const headersConf = readFileSync('deploy/nginx/security-headers.conf', 'utf8');

describe('dist/_headers', () => {
  it('is written by the build from src/lib/security-headers.ts, for the configured base', () => {
    expect(readFileSync(`${DIST}/_headers`, 'utf8')).toBe(headersFile(base));
  });

  it('sends every security header on every path, and the long cache on hashed assets only', () => {
    const text = headersFile('/pufa/');
    expect(text).toContain(`/pufa/*\n`);
    for (const [k, v] of Object.entries(SECURITY_HEADERS))
      expect(text).toContain(`\n  ${k}: ${v}\n`);
    expect(text).toContain(`/pufa/_astro/*\n  Cache-Control: ${CACHE_CONTROL.hashedAssets}\n`);
    expect(text).toContain(
      `/pufa/search-index/*\n  Cache-Control: ${CACHE_CONTROL.hashedAssets}\n`,
    );
    expect(text.match(/Cache-Control/g)).toHaveLength(2);
  });
});

describe('deploy/ nginx configuration', () => {
  it('security-headers.conf sets exactly the headers of src/lib/security-headers.ts, on every response', () => {
    const set = addHeaders(headersConf);
    expect(Object.fromEntries(set.map((h) => [h.name, h.value]))).toEqual(SECURITY_HEADERS);
    expect(set).toHaveLength(Object.keys(SECURITY_HEADERS).length);
    expect(set.every((h) => h.always)).toBe(true);
  });

  it('site.conf gives the short cache to everything and the long one to /_astro/ and /search-index/, each with the security headers', () => {
    const astro = locationBlock(siteConf, '~ /(_astro|search-index)/');
    const outer = siteConf.replace(astro, '');
    // add_header in a location replaces the inherited ones: both levels include the headers.
    for (const part of [outer, astro])
      expect(part).toContain('include snippets/aocl-pufa/security-headers.conf;');
    expect(addHeaders(outer)).toEqual([
      { name: 'Cache-Control', value: CACHE_CONTROL.short, always: true },
    ]);
    expect(addHeaders(astro)).toEqual([
      { name: 'Cache-Control', value: CACHE_CONTROL.hashedAssets, always: true },
    ]);
  });

  it('the server block serves the site through site.conf with the Chinese 404 page, and marks the lines a sub-path changes', () => {
    const root = locationBlock(serverBlock, '/');
    expect(root).toContain('include snippets/aocl-pufa/site.conf;');
    expect(root).toMatch(/error_page 404 \/404\.html;\s+# base/);
    expect(serverBlock).toMatch(/location \/ \{\s+# base/);
    expect(addHeaders(serverBlock)).toEqual([]);
  });
});
