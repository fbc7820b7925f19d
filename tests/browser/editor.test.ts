import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.ts';
import { gitBaseline, startEditor, type RunningEditor } from '../helpers/editor.ts';
import { cleanEnv, tempProject } from '../helpers/temp-project.ts';

/**
 * The visual editor (issue 16) driven through its interface in Chromium, on a temporary
 * copy of the project: every write goes to real files, then the real content check and
 * the real build run on them.
 */

const project = tempProject();
let diff: (path: string) => string;
let editor: RunningEditor;
let browser: Browser;
let page: Page;
const external: string[] = [];
let slug = '';

const node = resolve('node_modules/.bin/node');
const checkContent = () =>
  spawnSync(node, ['scripts/check-content.ts'], {
    cwd: project.dir,
    encoding: 'utf8',
    env: cleanEnv(),
  });
const read = (p: string) => readFileSync(join(project.dir, p), 'utf8');

beforeAll(async () => {
  diff = gitBaseline(project.dir);
  editor = await startEditor(project.dir);
  console.log(`editor cold start: ${editor.coldStartMs} ms to the first answered request`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(editor.url)) external.push(r.url());
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  project.remove();
});

async function open(hash: string) {
  const started = performance.now();
  await page.goto('about:blank'); // a new document: a hash change alone would keep the old form
  await page.goto(`${editor.url}/#${hash}`, { waitUntil: 'commit' });
  await page.getByText(/正在集合/).waitFor({ timeout: 180_000 });
  return Math.round(performance.now() - started);
}

/** The number of the last finished content check shown on the page (0 before any). */
const lastCheck = () =>
  page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('[data-check-seq]')].map((e) =>
        Number(e.getAttribute('data-check-seq')),
      ),
    ),
  );

/**
 * Decap's save ("保存", renamed from 发布) and the check result shown above the form: the
 * result of a check that finished after this save, never the one shown before it.
 */
async function save(): Promise<{ state: string; text: string; ms: number }> {
  const before = await lastCheck();
  await page.getByRole('button', { name: '保存' }).first().click();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1') && (r.request().postData() ?? '').includes('"persistEntry"'),
  );
  await page.getByRole('menuitem', { name: '保存', exact: true }).click();
  await saved;
  const after = performance.now();
  await page.waitForFunction(
    (b) =>
      [...document.querySelectorAll('[data-check]')].some(
        (e) => Number(e.getAttribute('data-check-seq')) > b,
      ),
    before,
    { timeout: 30_000 },
  );
  const box = page.locator('[data-check-seq]').first();
  return {
    state: (await box.getAttribute('data-check'))!,
    text: await box.innerText(),
    ms: Math.round(performance.now() - after),
  };
}

describe('the visual editor', () => {
  it('creates a Q&A with a quote of 第六十一条（一）, saves it as a draft and publishes it', async () => {
    const ms = await open('/collections/qa/new');
    console.log(`editor interface ready after ${ms} ms`);
    await page.getByLabel('问题', { exact: true }).fill('举报以后怎样查询办理情况？');
    await page
      .getByLabel('一句话回答', { exact: true })
      .fill('可以凭举报时得到的查询编码查询办理情况。');
    await page.getByLabel('主题', { exact: true }).fill('举报');
    await page.keyboard.press('Enter');
    await page.getByLabel('读者对象', { exact: true }).fill('村居干部');
    await page.keyboard.press('Enter');
    await page.getByLabel(/搜索用词/).fill('查询编码, 办理情况');
    await page.locator('input[type=date]').first().fill('2026-12-01');
    await page
      .getByLabel('依据', { exact: true })
      .fill('《中华人民共和国反有组织犯罪法》第六十一条');
    await page.getByLabel('正文', { exact: true }).fill('举报人的个人信息受到保护。');
    await page.getByRole('button', { name: '插入法条引用' }).click();
    await page.getByTestId('cite-article').selectOption('61');
    await page.getByTestId('cite-part').selectOption({ label: '第六十一条第（一）项' });
    await expect(page.getByTestId('cite-preview').innerText()).resolves.toContain(
      '不公开真实姓名、住址和工作单位等个人信息',
    );
    await page.getByRole('button', { name: '插入这条引用' }).click();
    const code = await page.getByTestId('short-code').innerText();
    expect(code).toMatch(/^[a-z0-9]{4}$/);

    const first = await save();
    console.log(`check result shown ${first.ms} ms after the save answered`);
    expect(first.state, first.text).toBe('ok');
    expect(first.text).toContain('草稿');
    slug = code;
    const file = `content/qa/${slug}.mdx`;
    expect(read(file)).toContain('draft: true');
    expect(read(file)).toContain('<Cite article={61} item={1} />');

    await page.getByRole('switch').last().click(); // 草稿（不发布）: off
    const second = await save();
    expect(second.state, second.text).toBe('ok');
    expect(second.text).toContain('已发布');
    const text = read(file);
    expect(text).not.toContain('draft:');
    expect(text).toMatch(
      /^---\n\n举报人的个人信息受到保护。\n\n<Cite article=\{61\} item=\{1\} \/>\n$/m,
    );
    expect(text).toMatch(/^title: 举报以后怎样查询办理情况？$/m);
    expect(text).toMatch(/^topics: \[举报\]$/m);
    expect(text).toMatch(/^audience: \[居民, 村居干部\]$/m);
    const check = checkContent();
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 300_000);

  it('offers only citations that exist: 第七十八条 is not among the choices', async () => {
    await open('/collections/qa/new');
    await page.getByRole('button', { name: '插入法条引用' }).click();
    const articles = await page.getByTestId('cite-article').locator('option').allTextContents();
    expect(articles).toContain('第七十七条');
    expect(articles).not.toContain('第七十八条');
    expect(articles).toHaveLength(78); // 请选择 + 77 articles
  }, 240_000);

  it('changing the title of an existing Q&A changes only the title line', async () => {
    await open('/collections/qa/entries/how-to-report');
    await page.getByLabel('问题', { exact: true }).fill('怎样举报黑恶犯罪？');
    const r = await save();
    expect(r.state, r.text).toBe('ok');
    const changed = diff('content/qa/how-to-report.mdx')
      .split('\n')
      .filter((l) => /^[-+](?![-+])/.test(l));
    expect(changed).toEqual(['-title: 怎么举报黑恶犯罪？', '+title: 怎样举报黑恶犯罪？']);
  }, 240_000);

  it('an empty title gets a Chinese message and the item cannot be saved or published', async () => {
    await open('/collections/qa/entries/can-i-report-anonymously');
    const before = read('content/qa/can-i-report-anonymously.mdx');
    await page.getByLabel('问题', { exact: true }).fill('');
    await page.getByRole('button', { name: '保存' }).first().click();
    await page.getByRole('menuitem', { name: '保存', exact: true }).click();
    await expect(
      page.getByText('你漏掉了一个必填项，请在保存之前将它填写好').first().isVisible(),
    ).resolves.toBe(true);
    await expect(
      page
        .getByText(/问题.*必填/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(read('content/qa/can-i-report-anonymously.mdx')).toBe(before);
  }, 240_000);

  it('changing the organization in the site settings changes one line of site.yaml and keeps its comments', async () => {
    await open('/collections/settings/entries/site');
    await page
      .getByLabel('主办单位', { exact: false })
      .first()
      .fill('某某县委政法委员会（编辑器测试）');
    const r = await save();
    expect(r.state, r.text).toBe('ok');
    const changed = diff('content/site.yaml')
      .split('\n')
      .filter((l) => /^[-+](?![-+])/.test(l));
    expect(changed).toEqual([
      '-organization: ""',
      '+organization: 某某县委政法委员会（编辑器测试）',
    ]);
  }, 240_000);

  it('loads nothing from any other host', () => {
    expect(external).toEqual([]);
  });

  it('the build shows the new Q&A with the quoted law text and the organization in the footer; dist/ holds nothing of the editor', () => {
    const b = project.build();
    expect(b.status, b.output.slice(-3000)).toBe(0);
    const dist = join(project.dir, 'dist');
    const qa = readFileSync(join(dist, 'qa', slug, 'index.html'), 'utf8');
    expect(qa).toContain('举报以后怎样查询办理情况？');
    expect(qa).toContain('不公开真实姓名、住址和工作单位等个人信息');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(
      '某某县委政法委员会（编辑器测试）',
    );

    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dist);
    expect(
      files.filter((f) => /decap|editor|config\.yml|admin/i.test(f.slice(dist.length))),
    ).toEqual([]);
    const marks = ['decap', 'CMS_MANUAL_INIT', '/api/v1', 'registerWidget', 'mdx-body', '/editor/'];
    for (const f of files.filter((f) => /\.(html|js|css|json|xml|txt)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      for (const m of marks)
        expect(text.includes(m), `${f.slice(dist.length)} contains ${m}`).toBe(false);
    }
    expect(existsSync(join(dist, 'editor'))).toBe(false);
  }, 400_000);
});
