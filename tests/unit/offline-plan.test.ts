import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  hashedRefs,
  isOfflinePage,
  reachableAssets,
  refreshTarget,
  requestKind,
  shortLinkCode,
} from '../../src/lib/offline/plan.ts';

describe('what 离线保存 saves', () => {
  it('the full law, every article, all Q&A, the reporting guide and search, nothing else', () => {
    for (const p of [
      '/law/',
      '/law/61/',
      '/law/excerpts/',
      '/qa/',
      '/qa/how-to-report/',
      '/report/',
      '/offline/',
      '/search/',
    ])
      expect(isOfflinePage(p), p).toBe(true);
    for (const p of [
      '/',
      '/glossary/',
      '/q/l61/',
      '/law/61/poster/',
      '/cases/x/',
      '/quiz/',
      '/offline/no-network/',
    ])
      expect(isOfflinePage(p), p).toBe(false);
  });
});

describe('short links offline', () => {
  it('knows a short link path and reads its target from the redirect page', () => {
    expect(shortLinkCode('/q/l61/')).toBe('l61');
    expect(shortLinkCode('/q/l61')).toBe('l61');
    expect(shortLinkCode('/qa/l61/')).toBeUndefined();
    expect(shortLinkCode('/q/l61/x/')).toBeUndefined();
    expect(refreshTarget('<meta http-equiv="refresh" content="0;url=/pufa/law/61/"><title>')).toBe(
      '/pufa/law/61/',
    );
    expect(refreshTarget('<title>no redirect</title>')).toBeUndefined();
  });
});

describe('hashed files a page needs', () => {
  const html =
    '<link rel="stylesheet" href="/pufa/_astro/Base.Ab1.css"><script src="/pufa/_astro/prefs.x9.js"></script><script type="module" src="/pufa/_astro/Base.astro_astro_type_script_index_0_lang.Q.js"></script>';
  const files: Record<string, string> = {
    'Base.astro_astro_type_script_index_0_lang.Q.js':
      'import{t}from"./voices.V1.js";const a=`/pufa/_astro/read-aloud.R2.js`;',
    'voices.V1.js': 'export const t=1',
    'read-aloud.R2.js': 'import"./Base.astro_astro_type_script_index_0_lang.Q.js"',
    'Base.Ab1.css': 'body{background:url(/pufa/_astro/bg.P.png)}',
    'unused.U.js': '',
  };
  it('finds references in HTML, CSS and scripts (static imports and chunks loaded on demand)', () => {
    expect(hashedRefs(html).sort()).toEqual([
      'Base.Ab1.css',
      'Base.astro_astro_type_script_index_0_lang.Q.js',
      'prefs.x9.js',
    ]);
    expect(hashedRefs(files['Base.astro_astro_type_script_index_0_lang.Q.js']!).sort()).toEqual([
      'read-aloud.R2.js',
      'voices.V1.js',
    ]);
  });
  it('follows references from file to file, and keeps nothing unreferenced', () => {
    const keep = reachableAssets([html], (n) => files[n]);
    expect([...keep].sort()).toEqual([
      'Base.Ab1.css',
      'Base.astro_astro_type_script_index_0_lang.Q.js',
      'bg.P.png',
      'prefs.x9.js',
      'read-aloud.R2.js',
      'voices.V1.js',
    ]);
    expect(keep.has('unused.U.js')).toBe(false);
  });
});

describe('how the worker handles a request', () => {
  const scope = 'https://example.org/pufa/';
  const req = (url: string, mode = 'no-cors', method = 'GET') => ({ url, mode, method });
  it('under a sub-path', () => {
    expect(requestKind(req('https://example.org/pufa/law/61/', 'navigate'), scope)).toBe('page');
    expect(requestKind(req('https://example.org/pufa/_astro/Base.Ab1.css'), scope)).toBe('hashed');
    expect(requestKind(req('https://example.org/pufa/search-hints.json', 'cors'), scope)).toBe(
      'static',
    );
    expect(requestKind(req('https://example.org/pufa/law/61/', 'cors'), scope)).toBe('static');
    expect(requestKind(req('https://example.org/pufa/sw.js'), scope)).toBe('bypass');
    expect(requestKind(req('https://example.org/other/', 'navigate'), scope)).toBe('bypass');
    expect(requestKind(req('https://cdn.example.com/pufa/x.js'), scope)).toBe('bypass');
    expect(requestKind(req('https://example.org/pufa/law/61/', 'navigate', 'POST'), scope)).toBe(
      'bypass',
    );
  });
});

describe('formatBytes', () => {
  it('speaks in KB and MB', () => {
    expect(formatBytes(640)).toBe('640 字节');
    expect(formatBytes(443_210)).toBe('443 KB');
    expect(formatBytes(1_083_000)).toBe('1.1 MB');
  });
});
