import { spawn } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.ts';
import { freePort } from '../harness/server.ts';
import { cleanEnv, tempProject, type TempProject } from '../helpers/temp-project.ts';

// The MDX gate in the two other places it must hold (tests/unit/content-gate.test.ts runs
// the same fixtures through check:content): a build, and a dev server that compiles the
// page on request, the path a visual editor takes. One copy of the project serves both.
const GATE = [
  ['gate-import', '正文里不能写 import 或 export'],
  ['gate-export', '正文里不能写 import 或 export'],
  ['gate-text-expression', '正文里不能写花括号表达式 {…}'],
  ['gate-flow-expression', '正文里不能写花括号表达式 {…}'],
  ['gate-attribute-expression', '<Cite> 的属性 article 只能写数字或文字'],
  ['gate-spread', '<Cite> 里不能写 {...props}'],
  ['gate-unknown-attribute', '<Scenario> 不认识属性 onClick'],
  ['html-comment', 'MDX 里不能用 <!-- --> 写注释'],
] as const;
const marker = join(tmpdir(), `aocl-gate-ran-${process.pid}`);
// Code that would leave a trace if it ran, at module level and in an expression.
const RUNS = [
  '---',
  'title: 会运行代码的测试问题？',
  'answer: 这是一句话回答。',
  'topics: [举报]',
  'audience: [居民]',
  'published: 2026-01-05',
  'source: 测试来源',
  'code: g099',
  '---',
  '',
  `export const ran = (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'esm')`,
  '',
  `构建机器：{(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'expr') ?? process.env.HOME}`,
  '',
].join('\n');

let p: TempProject;
beforeAll(() => {
  p = tempProject();
  for (const [name] of GATE)
    cpSync(`tests/fixtures/content-errors/qa/${name}.mdx`, join(p.dir, `content/qa/${name}.mdx`));
  writeFileSync(join(p.dir, 'content/qa/gate-runs.mdx'), RUNS);
});
afterAll(() => p?.remove());

describe('the MDX gate in a build', () => {
  it('stops the build with the Chinese list last, naming each file and line, and runs nothing', () => {
    const { status, output } = p.build();
    expect(status).not.toBe(0);
    for (const [name, message] of GATE)
      expect(output).toMatch(
        new RegExp(
          `content/qa/${name}\\.mdx · 第 \\d+ 行：${message.replace(/[{}.*+?()[\]\\|^$]/g, '\\$&')}`,
        ),
      );
    expect(output).toContain('content/qa/gate-runs.mdx · 第 11 行：正文里不能写 import 或 export');
    expect(output).toContain('content/qa/gate-runs.mdx · 第 13 行：正文里不能写花括号表达式 {…}');
    expect(output).not.toMatch(/unhandled error|Location:|\n\s+at \S+ \(/);
    expect(existsSync(marker)).toBe(false);
  }, 240_000);
});

describe('the MDX gate in astro dev', () => {
  it('shows the error on each page and runs nothing', async () => {
    const port = await freePort();
    const child = spawn(
      join(process.cwd(), 'node_modules/.bin/astro'),
      ['dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: p.dir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...cleanEnv(),
          NODE_ENV: 'development',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          PATH: `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`,
        },
      },
    );
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const get = async (path: string) => {
      for (let i = 0; i < 300; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}${path}`);
          return { status: res.status, html: await res.text() };
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      throw new Error('dev server did not start');
    };
    try {
      for (const [name, message] of [
        ...GATE,
        ['gate-runs', '正文里不能写 import 或 export'] as const,
      ]) {
        const { status, html } = await get(`/qa/${name}/`);
        // The page is the error page (Vite's overlay shows the message in the browser); the
        // dev server prints the same Chinese message for the editor.
        expect(status, name).toBe(500);
        expect(html, name).toContain('<title>MDXError</title>');
        expect(log, name).toContain(`content/qa/${name}.mdx · 第`);
        expect(log, name).toContain(message);
      }
      expect(existsSync(marker)).toBe(false);
      // In a browser, the page itself shows the Chinese message (Vite's error overlay).
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${port}/qa/gate-runs/`);
        const overlay = await page.waitForFunction(
          () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '',
          undefined,
          { timeout: 30_000 },
        );
        expect(await overlay.jsonValue()).toContain(
          'content/qa/gate-runs.mdx · 第 11 行：正文里不能写 import 或 export',
        );
      } finally {
        await browser.close();
      }
      expect(existsSync(marker)).toBe(false);
      // Pages without code still work.
      expect((await get('/qa/how-to-report/')).status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 120_000);
});
