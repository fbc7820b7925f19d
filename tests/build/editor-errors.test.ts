import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, tempProject, type TempProject } from '../helpers/temp-project.ts';

// The fixtures go through the fast check in tests/unit/content-check.test.ts; a few
// also go through a real `astro build` here, to prove the build applies the same rules.
const projects: TempProject[] = [];
/** A real build takes 30–90 s on a loaded 2-core machine; the temp project's own limit is 240 s. */
const BUILD_TIMEOUT = 240_000;
afterAll(() => projects.forEach((p) => p.remove()));

describe('the full build', () => {
  it(
    'fails on bad content, naming each file, line and problem',
    () => {
      const p = tempProject();
      projects.push(p);
      for (const name of ['cite-article-78.mdx', 'unknown-component.mdx']) {
        cpSync(`tests/fixtures/content-errors/qa/${name}`, join(p.dir, 'content/qa', name));
      }
      cpSync(
        'tests/fixtures/content-errors/cases/case-without-source.mdx',
        join(p.dir, 'content/cases/case-without-source.mdx'),
      );
      // A quiz question testing an article that does not exist.
      const quiz = join(p.dir, 'content/quiz.yaml');
      writeFileSync(quiz, readFileSync(quiz, 'utf8').replace('  article: 77\n', '  article: 78\n'));
      const { status, output } = p.build();
      expect(status).not.toBe(0);
      expect(output).toContain('发现 4 个内容问题');
      expect(output).toContain(
        'content/quiz.yaml · 第 1 题（q01） · 字段 article：引用有误：《中华人民共和国反有组织犯罪法》没有第 78 条',
      );
      expect(output).toContain(
        'content/qa/cite-article-78.mdx · 第 14 行：引用有误：《中华人民共和国反有组织犯罪法》没有第 78 条',
      );
      expect(output).toContain('content/qa/unknown-component.mdx · 第 14 行：不认识的组件 <Quote>');
      expect(output).toContain(
        'content/cases/case-without-source.mdx · 字段 source：真实案例必须写来源',
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    'keeps drafts out of a production build, and builds a page for every other file',
    () => {
      const p = tempProject();
      projects.push(p);
      const source = readFileSync('content/qa/how-to-report.mdx', 'utf8');
      const draft = source
        .replace(/^code: \w+$/m, 'code: drft1')
        .replace(/^title: .*$/m, 'title: 草稿里的测试问题？')
        .replace(/^---\n/, '---\ndraft: true\n');
      writeFileSync(join(p.dir, 'content/qa/draft-example.mdx'), draft);
      const config = join(p.dir, 'content/site.yaml');
      writeFileSync(
        config,
        [
          'name: 测试站',
          'organization: 某某县委政法委',
          'region: 某某县',
          'baseUrl: https://pufa.example-county.cn/',
          'channels:',
          '  - name: 某某县公安局扫黑除恶举报电话',
          '    kind: phone',
          '    phone: 0000-12345678',
          '    purpose: 举报本县涉黑涉恶线索',
          '    source: 测试配置',
          '    verified: 2026-01-05',
          'rewards:',
          '  summary: 按照测试用的奖励办法给予奖励。',
          '  source: 测试配置',
          '',
        ].join('\n'),
      );
      const { status, output } = p.build({ SITE_MODE: 'production', SITE_CONFIG: config });
      expect(status, output).toBe(0);
      expect(existsSync(join(p.dir, 'dist/qa/how-to-report/index.html'))).toBe(true);
      expect(existsSync(join(p.dir, 'dist/qa/draft-example'))).toBe(false);
      expect(readFileSync(join(p.dir, 'dist/qa/index.html'), 'utf8')).not.toContain(
        'draft-example',
      );

      // Local channels and the local reward scheme come from the deployer's config, local first.
      const report = readFileSync(join(p.dir, 'dist/report/index.html'), 'utf8');
      expect(report.indexOf('某某县公安局扫黑除恶举报电话')).toBeGreaterThan(0);
      expect(report.indexOf('某某县公安局扫黑除恶举报电话')).toBeLessThan(
        report.indexOf('全国扫黑办智能化举报平台（12337）</h3>'),
      );
      expect(report).toContain('href="tel:000012345678"');
      expect(report).toContain('按照测试用的奖励办法给予奖励。');
      expect(readFileSync(join(p.dir, 'dist/index.html'), 'utf8')).toContain('某某县委政法委');
      expect(readFileSync(join(p.dir, 'dist/index.html'), 'utf8')).not.toContain('演示版');
    },
    BUILD_TIMEOUT,
  );
});

describe('a material too long for one sheet', () => {
  it(
    'fails the build, naming the file and how much too long it is',
    () => {
      const p = tempProject();
      projects.push(p);
      const file = join(p.dir, 'content/materials/eshili.mdx');
      // Ten whole articles quoted: far more than one A4 sheet takes at the smallest type size.
      const quotes = Array.from({ length: 10 }, (_, i) => `  - { article: ${20 + i} }`).join('\n');
      const source = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        source.replace('quotes:\n  - { article: 2, paragraph: 2 }\n', `quotes:\n${quotes}\n`),
      );
      expect(readFileSync(file, 'utf8')).not.toBe(source);
      const { status, output } = p.build();
      expect(status).not.toBe(0);
      expect(output).toMatch(
        /eshili\.mdx：文字太多，一张 A4 纸放不下（约 \d+ 字，最多约 700 字；换行也算字数）/,
      );
      expect(existsSync(join(p.dir, 'dist/index.html'))).toBe(false);
    },
    BUILD_TIMEOUT,
  );
});

describe('npm run build:production', () => {
  it(
    'refuses the shipped local address, naming the file and field, and builds nothing',
    () => {
      const p = tempProject();
      projects.push(p);
      // Organization and region filled in, so the address is the only thing wrong.
      const config = join(p.dir, 'content/site.yaml');
      const shipped = readFileSync(config, 'utf8');
      expect(shipped).toMatch(/^baseUrl: http:\/\/localhost:4321$/m);
      writeFileSync(
        config,
        shipped
          .replace(/^organization: ""$/m, 'organization: 某某县委政法委')
          .replace(/^region: ""$/m, 'region: 某某县'),
      );
      const r = spawnSync('npm', ['run', 'build:production'], {
        cwd: p.dir,
        encoding: 'utf8',
        env: {
          ...cleanEnv(),
          PATH: `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`,
          NO_COLOR: '1',
        },
        timeout: 240_000,
      });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).not.toBe(0);
      expect(output).toContain('content/site.yaml');
      expect(output).toContain('正式发布不能用本机地址 http://localhost:4321');
      expect(output).not.toContain('主办单位');
      expect(existsSync(join(p.dir, 'dist'))).toBe(false);
    },
    BUILD_TIMEOUT,
  );
});

describe('npm run dev', () => {
  it('shows drafts with a visible 草稿 banner', async () => {
    const { spawn } = await import('node:child_process');
    const { freePort } = await import('../harness/server.ts');
    const p = tempProject();
    projects.push(p);
    const source = readFileSync('content/qa/how-to-report.mdx', 'utf8');
    writeFileSync(
      join(p.dir, 'content/qa/draft-example.mdx'),
      source
        .replace(/^code: \w+$/m, 'code: drft1')
        .replace(/^title: .*$/m, 'title: 草稿里的测试问题？')
        .replace(/^---\n/, '---\ndraft: true\n'),
    );
    const port = await freePort();
    const child = spawn(
      join(process.cwd(), 'node_modules/.bin/astro'),
      ['dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: p.dir,
        detached: true,
        stdio: 'ignore',
        env: {
          ...cleanEnv(),
          NODE_ENV: 'development',
          PATH: `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`,
        },
      },
    );
    try {
      let html = '';
      let status = 0;
      for (let i = 0; i < 400 && status !== 200; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/qa/draft-example/`);
          status = res.status;
          html = await res.text();
        } catch {
          /* not up yet */
        }
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status, html.slice(0, 500)).toBe(200);
      expect(html).toContain('class="draft-banner"');
      expect(html).toContain('草稿');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 120_000);
});
