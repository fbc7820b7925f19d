import { describe, expect, it } from 'vitest';
import {
  addToManifest,
  ManifestError,
  pagePathsFromFiles,
  parseManifest,
  unresolvedPaths,
} from '../../src/lib/permalinks/manifest.ts';
import { parseRedirects, RedirectsError } from '../../src/lib/permalinks/redirects.ts';
import { shortLinkPath } from '../../src/lib/routes.ts';
import {
  assertShortLinks,
  lawShortCode,
  shortLinkProblems,
  ShortLinkError,
  type ShortLink,
} from '../../src/lib/permalinks/short-links.ts';
import { isUnlistedPath, sitemapFilter } from '../../src/lib/permalinks/unlisted.ts';

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('short links', () => {
  const link = (code: string, source: string, rule = false): ShortLink => ({
    code,
    target: '/x/',
    title: 'x',
    source,
    rule,
  });

  it('law articles get l<n> by rule, and every code answers at /q/<code>/', () => {
    expect(lawShortCode(61)).toBe('l61');
    expect(shortLinkPath('kg43')).toBe('/q/kg43/');
  });

  it('a duplicate code fails, naming both files', () => {
    const links = [
      link('kg43', 'content/materials/biaoyu.mdx'),
      link('ab12', 'content/qa/a.mdx'),
      link('kg43', 'content/qa/baohusan.mdx'),
    ];
    const msg = message(() => assertShortLinks(links));
    expect(msg).toContain('kg43');
    expect(msg).toContain('content/materials/biaoyu.mdx');
    expect(msg).toContain('content/qa/baohusan.mdx');
    expect(() => assertShortLinks(links)).toThrow(ShortLinkError);
  });

  it('an editor may not take a code reserved for law articles', () => {
    const problems = shortLinkProblems([
      link('l61', 'content/law/x.md', true),
      link('l99', 'content/qa/x.mdx'),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/qa/x.mdx');
    expect(problems[0]).toContain('l99');
  });

  it('distinct codes pass', () => {
    expect(
      shortLinkProblems([link('l1', 'a', true), link('kg43', 'b'), link('nnfu', 'c')]),
    ).toEqual([]);
  });
});

describe('URL manifest', () => {
  it('reads one path per line, skipping comments and blank lines', () => {
    expect(parseManifest('# note\n\n/law/61/\n  /q/l61/  \n/\n')).toEqual([
      '/law/61/',
      '/q/l61/',
      '/',
    ]);
  });

  it('rejects a malformed or duplicate path, naming the file and line', () => {
    const msg = message(() =>
      parseManifest('/law/61/\nlaw/62\n/law/61/\n/a b/\n', 'content/urls.manifest.txt'),
    );
    expect(msg).toContain('content/urls.manifest.txt · 第 2 行');
    expect(msg).toContain('content/urls.manifest.txt · 第 3 行');
    expect(msg).toContain('content/urls.manifest.txt · 第 4 行');
    expect(() => parseManifest('/x')).toThrow(ManifestError);
  });

  it('lists the paths that no longer resolve', () => {
    const built = new Set(['/law/61/', '/q/l61/']);
    expect(
      unresolvedPaths(['/law/61/', '/materials/old/', '/q/l61/'], (p) => built.has(p)),
    ).toEqual(['/materials/old/']);
  });

  it('takes pages from a build, leaving out posters and the 404 page, in numeric order', () => {
    const files = [
      'index.html',
      'law/10/index.html',
      'law/2/index.html',
      'posters/law/2/index.html',
      '404.html',
      '_astro/a.css',
      'q/l2/index.html',
    ];
    expect(pagePathsFromFiles(files)).toEqual(['/', '/law/2/', '/law/10/', '/q/l2/']);
  });

  it('adds new paths at the end and keeps every existing line', () => {
    const before = '# header\n/law/2/\n/old/\n';
    const { text, added } = addToManifest(before, [
      '/law/2/',
      '/law/10/',
      '/law/3/',
      '/posters/law/2/',
    ]);
    expect(added).toEqual(['/law/3/', '/law/10/']);
    expect(text).toBe('# header\n/law/2/\n/old/\n/law/3/\n/law/10/\n');
    expect(addToManifest(text, ['/law/3/']).added).toEqual([]);
  });
});

describe('redirects', () => {
  it('reads from/to pairs', () => {
    expect(
      parseRedirects('- from: /materials/old/\n  to: /materials/new/\n  note: 改名\n'),
    ).toEqual([{ from: '/materials/old/', to: '/materials/new/', note: '改名' }]);
    expect(parseRedirects('[]\n')).toEqual([]);
    expect(parseRedirects('# only comments\n')).toEqual([]);
  });

  it('rejects a path that is not a site path, naming the file and field', () => {
    const msg = message(() =>
      parseRedirects('- from: /old/\n  to: https://example.com/new/\n', 'content/redirects.yaml'),
    );
    expect(msg).toContain('content/redirects.yaml · 字段 [0].to');
    expect(msg).toContain('以 / 开头');
  });

  it('rejects duplicates, loops and chains', () => {
    const dup = message(() =>
      parseRedirects('- { from: /a/, to: /b/ }\n- { from: /a/, to: /c/ }\n'),
    );
    expect(dup).toContain('第 2 条');
    const self = message(() => parseRedirects('- { from: /a/, to: /a/ }\n'));
    expect(self).toContain('同一个网址');
    const chain = message(() =>
      parseRedirects('- { from: /a/, to: /b/ }\n- { from: /b/, to: /c/ }\n'),
    );
    expect(chain).toContain('请直接写最终的网址 /c/');
    expect(() => parseRedirects('- { from: /a/ }\n')).toThrow(RedirectsError);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(message(() => parseRedirects('- from: /a/\n  to: [\n'))).toMatch(/第 \d+ 行/);
  });
});

describe('unlisted pages', () => {
  it('keeps posters, short links and redirects out of the sitemap', () => {
    expect(isUnlistedPath('/posters/law/61/')).toBe(true);
    expect(isUnlistedPath('/q/l61/')).toBe(true);
    expect(isUnlistedPath('/materials/old/', new Set(['/materials/old/']))).toBe(true);
    expect(isUnlistedPath('/law/61/')).toBe(false);
    const keep = sitemapFilter('/pufa', ['/old/']);
    expect(keep('https://example.gov.cn/pufa/law/61/')).toBe(true);
    expect(keep('https://example.gov.cn/pufa/posters/law/61/')).toBe(false);
    expect(keep('https://example.gov.cn/pufa/q/l61/')).toBe(false);
    expect(keep('https://example.gov.cn/pufa/old/')).toBe(false);
  });
});
