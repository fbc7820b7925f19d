// `npm run edit:screenshots`: the pictures in content/GUIDE.md, taken from the real editor
// at 1280 px on a throwaway copy of the project (nothing in content/ changes).
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve('.');
const out = join(root, 'content/guide-images');
const dir = mkdtempSync(join(tmpdir(), 'aocl-editor-shots-'));
for (const p of [
  'src',
  'content',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
])
  cpSync(join(root, p), join(dir, p), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
mkdirSync(out, { recursive: true });

const port = 4499;
const url = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [join(dir, 'scripts/editor/server.ts'), '--no-open', '--no-preview', '--port', String(port)],
  { cwd: dir, stdio: 'ignore' },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=zh-CN',
  ],
});
try {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  page.setDefaultTimeout(180_000);
  const open = async (hash: string, ready: string | RegExp) => {
    await page.goto('about:blank');
    await page.goto(`${url}/#${hash}`, { waitUntil: 'commit' });
    await page.getByText(ready).first().waitFor();
    await page.waitForTimeout(800);
  };
  const shot = async (name: string) => {
    await page.screenshot({ path: join(out, name) });
    console.log(`content/guide-images/${name}`);
  };

  await open('/collections/qa', '排序');
  await shot('01-list.png');

  await open('/collections/qa/new', '插入法条引用');
  page.setDefaultTimeout(15_000);
  await page.getByLabel('问题', { exact: true }).fill('举报以后怎样查询办理情况？');
  await page
    .getByLabel('一句话回答', { exact: true })
    .fill('可以凭举报时得到的查询编码查询办理情况。');
  await page.getByLabel('主题', { exact: true }).fill('举报');
  await page.keyboard.press('Enter');
  await page.getByLabel(/搜索用词/).fill('查询编码, 办理情况');
  await page.locator('input[type=date]').first().fill('2026-12-01');
  await page.getByLabel('依据', { exact: true }).fill('《中华人民共和国反有组织犯罪法》第六十一条');
  await page.mouse.click(1200, 400);
  await shot('02-new-qa.png');

  await page.getByLabel('正文', { exact: true }).fill('举报人的个人信息受到保护。');
  await page.getByRole('button', { name: '插入法条引用' }).click();
  await page.getByTestId('cite-article').selectOption('61');
  await page.getByTestId('cite-part').selectOption({ label: '第六十一条第（一）项' });
  await page.getByTestId('cite-form').scrollIntoViewIfNeeded();
  await shot('03-cite.png');
  await page.getByRole('button', { name: '插入这条引用' }).click();
  await page.getByLabel('正文', { exact: true }).scrollIntoViewIfNeeded();
  await shot('04-body.png');

  await page.getByRole('button', { name: '保存' }).first().click();
  await shot('05-save-menu.png');
  await page.getByRole('menuitem', { name: '保存', exact: true }).click();
  await page
    .locator('[data-check="ok"], [data-check="problems"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await shot('06-check-passed.png');

  await page.getByLabel('问题', { exact: true }).fill('');
  await page.getByRole('button', { name: '保存' }).first().click();
  await page.getByRole('menuitem', { name: '保存', exact: true }).click();
  await page.waitForTimeout(800);
  await shot('07-missing-title.png');

  page.setDefaultTimeout(180_000);
  await open('/collections/settings/entries/site', '网站名称');
  await shot('08-site-settings.png');
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
