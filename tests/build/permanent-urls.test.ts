import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Permanent URLs, end to end, in a temporary copy of the project (two full builds):
 * 1. A published page disappears (a material is renamed): the build fails, naming the path.
 * 2. A redirect for it is declared: the build passes, and the old path sends readers on.
 * The copy also carries a fixture Q&A, to show that Q&A get a poster and a short link.
 */

const ROOT = resolve('.');
let dir: string;

function build(): { status: number | null; output: string } {
  // The copy's own content/site.yaml, whatever config the outer run uses.
  const { SITE_CONFIG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, FORCE_COLOR: '0' },
    timeout: 170_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}
const read = (p: string) => readFileSync(join(dir, p), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aocl-permanent-urls-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public']) {
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a page listed in the URL manifest', () => {
  let first: { status: number | null; output: string };

  beforeAll(() => {
    // Rename a material: its page moves from /materials/eshili/ to /materials/e-shi-li/.
    renameSync(join(dir, 'content/materials/eshili.mdx'), join(dir, 'content/materials/e-shi-li.mdx'));
    mkdirSync(join(dir, 'content/qa'), { recursive: true });
    writeFileSync(
      join(dir, 'content/qa/poster-fixture.mdx'),
      ['---', 'title: 测试用的问题？', 'answer: 测试用的一句话回答。', 'topics: [举报]', 'audience: [居民]', 'published: 2026-11-22', 'source: 测试', 'code: zq7x', '---', '', '测试用的正文。', ''].join('\n'),
    );
    first = build();
  }, 180_000);

  it('fails the build, naming the path, when it no longer resolves', () => {
    expect(first.status, first.output).not.toBe(0);
    expect(first.output).toContain('/materials/eshili/ 在网址清单 content/urls.manifest.txt 里');
    expect(first.output).toContain('content/redirects.yaml');
    // Its short link still resolves: the code moved with the file.
    expect(first.output).not.toContain('/q/8hun/ 在网址清单');
  });

  describe('with a redirect declared', () => {
    let second: { status: number | null; output: string };

    beforeAll(() => {
      writeFileSync(join(dir, 'content/redirects.yaml'), '- from: /materials/eshili/\n  to: /materials/e-shi-li/\n  note: 测试：改名\n');
      second = build();
    }, 180_000);

    it('passes', () => {
      expect(second.status, second.output).toBe(0);
      expect(second.output).toContain('1 条跳转都有效');
    });

    it('generates a static redirect page at the old path', () => {
      const html = read('dist/materials/eshili/index.html');
      expect(html).toContain('<meta http-equiv="refresh" content="0;url=/materials/e-shi-li/">');
      expect(html).toMatch(/<link rel="canonical" href="[^"]+\/materials\/e-shi-li\/">/);
      expect(html).toContain('<a href="/materials/e-shi-li/">');
      expect(html).not.toContain('<script');
      expect(read('dist/q/8hun/index.html')).toContain('content="0;url=/materials/e-shi-li/"');
      expect(read('dist/sitemap-0.xml')).not.toContain('/materials/eshili/');
    });

    it('gives a Q&A its poster and its short link', () => {
      expect(existsSync(join(dir, 'dist/posters/qa/poster-fixture/index.html'))).toBe(true);
      const poster = read('dist/posters/qa/poster-fixture/index.html');
      expect(poster).toContain('测试用的问题？');
      expect(poster).toContain('测试用的一句话回答。');
      expect(poster).toMatch(/<p class="sheet-url"[^>]*>http:\/\/localhost:4321\/q\/zq7x\/<\/p>/);
      expect(read('dist/q/zq7x/index.html')).toContain('content="0;url=/qa/poster-fixture/"');
    });
  });
});
