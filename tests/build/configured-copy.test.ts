import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPrintJobs, renderPdfs } from '../../scripts/lib/print-pdfs.ts';
import { launchChromium } from '../harness/browser.ts';
import { A4_PX, decodeQr, layoutProblems, pdfPageCount } from '../helpers/print.ts';

/**
 * A temporary copy of the project, built twice. Permanent URLs, end to end:
 * 1. A published page disappears (a material is renamed): the build fails, naming the path.
 * 2. A redirect for it is declared: the build passes, and the old path sends readers on.
 * The copy also carries a fixture Q&A, to show that Q&A get a poster and a short link, and
 * a deployer's config (organization, region, two local channels, a public address under a
 * sub-path) to show that posters and the letter still fit one sheet once the site is
 * configured. The address uses the reserved .invalid domain and the numbers are all zeros:
 * test data only.
 */

const ROOT = resolve('.');
let dir: string;

function build(): { status: number | null; output: string } {
  // The copy's own content/site.yaml, whatever config the outer run uses; and none of the
  // variables vitest sets (BASE_URL, MODE, DEV, PROD, NODE_ENV…), which Astro would pick up
  // as import.meta.env and build the wrong links.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(SITE_CONFIG|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|FORCE_COLOR)$/.test(k),
    ),
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
    timeout: 170_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}
const read = (p: string) => readFileSync(join(dir, p), 'utf8');
/** The short link a poster prints, as text. */
const printedUrl = (html: string) =>
  /<p class="sheet-url"[^>]*>(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aocl-permanent-urls-'));
  for (const f of [
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
    'src',
    'content',
    'public',
  ]) {
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'content/site.yaml'),
    [
      'name: 反有组织犯罪法普法宣传',
      'organization: 测试单位',
      'region: 测试县',
      'baseUrl: https://pufa.invalid/pufa/',
      'channels:',
      '  - name: 测试县举报电话',
      '    kind: phone',
      '    purpose: 举报本县涉黑涉恶线索。',
      '    phone: 0000-00000000',
      '    source: 测试数据',
      '    verified: 2026-11-22',
      '  - name: 测试县公安局扫黑除恶斗争线索举报专线电话',
      '    kind: phone',
      '    purpose: 举报本县涉黑涉恶线索，受理时间为工作日上午八点半至下午五点半，节假日请拨打 110。',
      '    phone: 0000-0000000',
      '    hours: 工作日',
      '    source: 测试数据',
      '    verified: 2026-11-22',
      '  - name: 第三个本地渠道不会印在海报上',
      '    kind: phone',
      '    purpose: 测试。',
      '    phone: 0000-00000001',
      '    source: 测试数据',
      '    verified: 2026-11-22',
      '',
    ].join('\n'),
  );
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a page listed in the URL manifest', () => {
  let first: { status: number | null; output: string };

  beforeAll(() => {
    // Rename a material: its page moves from /materials/eshili/ to /materials/e-shi-li/.
    renameSync(
      join(dir, 'content/materials/eshili.mdx'),
      join(dir, 'content/materials/e-shi-li.mdx'),
    );
    mkdirSync(join(dir, 'content/qa'), { recursive: true });
    writeFileSync(
      join(dir, 'content/qa/poster-fixture.mdx'),
      [
        '---',
        'title: 测试用的问题？',
        'answer: 测试用的一句话回答。',
        'topics: [举报]',
        'audience: [居民]',
        'published: 2026-11-22',
        'source: 测试',
        'code: zq7x',
        '---',
        '',
        '测试用的正文。',
        '',
      ].join('\n'),
    );
    first = build();
  }, 180_000);

  it('fails the build, naming the path, when it no longer resolves', () => {
    // The content check sees it before anything is built (check:content runs the same rule).
    expect(first.status, first.output).not.toBe(0);
    expect(first.output).toContain(
      'content/urls.manifest.txt · /materials/eshili/：这个网址已经发布过，但现在没有这个页面',
    );
    expect(first.output).toContain('content/redirects.yaml');
    // Its short link still resolves: the code moved with the file.
    expect(first.output).not.toContain('content/urls.manifest.txt · /q/8hun/');
    // The Chinese list ends the output: no stack trace after it.
    expect(first.output).not.toMatch(/unhandled error|\n\s+at \S+ \(/);
  });

  describe('with a redirect declared', () => {
    let second: { status: number | null; output: string };

    beforeAll(() => {
      writeFileSync(
        join(dir, 'content/redirects.yaml'),
        '- from: /materials/eshili/\n  to: /materials/e-shi-li/\n  note: 测试：改名\n',
      );
      second = build();
    }, 180_000);

    it('passes', () => {
      expect(second.status, second.output).toBe(0);
      expect(second.output).toContain('1 条跳转都有效');
    });

    it('generates a static redirect page at the old path', () => {
      const html = read('dist/materials/eshili/index.html');
      expect(html).toContain(
        '<meta http-equiv="refresh" content="0;url=/pufa/materials/e-shi-li/">',
      );
      expect(html).toContain(
        '<link rel="canonical" href="https://pufa.invalid/pufa/materials/e-shi-li/">',
      );
      expect(html).toContain('<a href="/pufa/materials/e-shi-li/">');
      expect(html).not.toContain('<script');
      expect(read('dist/q/8hun/index.html')).toContain('content="0;url=/pufa/materials/e-shi-li/"');
      expect(read('dist/sitemap-0.xml')).toContain('https://pufa.invalid/pufa/materials/e-shi-li/');
      expect(read('dist/sitemap-0.xml')).not.toContain('/materials/eshili/');
    });

    it('gives a Q&A its poster and its short link', () => {
      expect(existsSync(join(dir, 'dist/posters/qa/poster-fixture/index.html'))).toBe(true);
      const poster = read('dist/posters/qa/poster-fixture/index.html');
      expect(poster).toContain('测试用的问题？');
      expect(poster).toContain('测试用的一句话回答。');
      expect(printedUrl(poster)).toBe('https://pufa.invalid/pufa/q/zq7x/');
      expect(read('dist/q/zq7x/index.html')).toContain('content="0;url=/pufa/qa/poster-fixture/"');
    });

    it('prints the configured organization, region, local hotline and address, without the demo mark', () => {
      const poster = read('dist/posters/law/61/index.html');
      expect(poster).toContain('测试县举报电话');
      expect(poster).toContain('0000-00000000');
      expect(poster).toContain('主办单位：测试单位');
      expect(printedUrl(poster)).toBe('https://pufa.invalid/pufa/q/l61/');
      expect(poster).not.toContain('演示版');
      const letter = read('dist/posters/materials/yifengxin/index.html');
      expect(letter).toContain('测试县的居民朋友们：');
      expect(letter).toMatch(/<p class="letter-sign"[^>]*>测试单位<\/p>/);
      expect(letter).toContain('测试单位给您写这封信');
      expect(letter).toContain('测试县举报电话');
      // At most two local channels on a printed sheet.
      expect(poster).not.toContain('第三个本地渠道');
      expect(letter).not.toContain('第三个本地渠道');
    });

    it('prints the heaviest posters, the card and the letter on one A4 page each, nothing outside the sheet', async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({ viewport: A4_PX });
        // Serve the copy's dist/ to Chromium straight from the disk, under its sub-path.
        await context.route('https://pufa.invalid/**', (route) => {
          const path = decodeURI(new URL(route.request().url()).pathname).replace(/^\/pufa\//, '');
          const file = join(
            dir,
            'dist',
            path.endsWith('/') || path === '' ? `${path}index.html` : path,
          );
          return existsSync(file)
            ? route.fulfill({ path: file })
            : route.fulfill({ status: 404, body: '' });
        });
        const decoder = await context.newPage();
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        const heavy = [2, 22, 27, 45, 52, 69, 72].map((n) => `posters/law/${n}/`);
        const cards = readdirSync(join(dir, 'dist/posters/materials')).map(
          (slug) => `posters/materials/${slug}/`,
        );
        const failures: string[] = [];
        for (const path of [...heavy, ...cards]) {
          await page.goto(`https://pufa.invalid/pufa/${path}`);
          const layout = await page.evaluate(layoutProblems);
          const pages = pdfPageCount(
            await page.pdf({ preferCSSPageSize: true, printBackground: true }),
          );
          const code = await decodeQr(page, decoder);
          if (
            layout.problems.length ||
            pages !== 1 ||
            !code?.startsWith('https://pufa.invalid/pufa/q/')
          ) {
            failures.push(`${path}: ${pages} page(s), QR ${code}, ${layout.problems.join('; ')}`);
          }
        }
        expect(failures).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 120_000);

    it('prints the PDFs with the configured organization: the card in every size and the letter', async () => {
      const jobs = listPrintJobs(join(dir, 'dist')).filter(
        (j) =>
          j.poster === '/posters/materials/mingbaika/' ||
          j.url === '/print/materials-yifengxin-a4.pdf',
      );
      expect(jobs.map((j) => j.size)).toEqual(['a4', 'a3', 'a5x2', 'a4']);
      // Throws when a sheet does not fit or breaks a print rule: the card carries two local channels here.
      const files = await renderPdfs({
        dist: join(dir, 'dist'),
        base: '/pufa/',
        outDir: join(dir, 'print'),
        jobs,
      });
      for (const f of files) {
        const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'print', f.url), '-'], {
          encoding: 'utf8',
        }).stdout.replace(/\s+/g, '');
        expect(text, f.url).toContain('测试单位');
        expect(text, f.url).not.toContain('（未设置）');
      }
    }, 180_000);
  });
});
