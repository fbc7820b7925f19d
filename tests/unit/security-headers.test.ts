import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  headersFile,
  SECURITY_HEADERS,
} from '../../src/lib/security-headers.ts';

const directive = (name: string) => CSP_DIRECTIVES.find((d) => d[0] === name)?.slice(1);

describe('Content-Security-Policy', () => {
  it('allows no inline code and no eval, only WebAssembly compilation for pagefind', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'nonce-|'sha(256|384|512)-/,
    );
    expect(directive('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive('style-src')).toEqual(["'self'"]);
  });

  it('loads everything from the site itself and cannot be framed', () => {
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|data:|blob:/);
    // The worker pagefind starts is governed by worker-src, which falls back to script-src.
    expect(directive('worker-src')).toBeUndefined();
  });

  it('is one header line of directives separated by semicolons', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(CSP_DIRECTIVES.map((d) => d.join(' ')).join('; '));
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the other security headers', () => {
  it('sets HSTS, nosniff, no-referrer and a Permissions-Policy that switches features off', () => {
    expect(SECURITY_HEADERS['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/^([a-z-]+=\(\))(, [a-z-]+=\(\))+$/);
    expect(SECURITY_HEADERS['Permissions-Policy']).toContain('camera=()');
    expect(SECURITY_HEADERS['Permissions-Policy']).toContain('geolocation=()');
  });
});

describe('headersFile', () => {
  it('writes rules for the whole site and its hashed assets at the root', () => {
    const lines = headersFile('/').split('\n');
    expect(lines).toContain('/*');
    expect(lines).toContain('/_astro/*');
    expect(lines).toContain('/search-index/*');
    expect(lines).toContain('  X-Content-Type-Options: nosniff');
  });
  it('writes them under a sub-path, with or without the trailing slash', () => {
    expect(headersFile('/pufa')).toBe(headersFile('/pufa/'));
    const lines = headersFile('/pufa/').split('\n');
    expect(lines).toContain('/pufa/*');
    expect(lines).toContain('/pufa/_astro/*');
    expect(lines).not.toContain('/*');
  });
});
