import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the built site in the preview server', () => {
  it('serves the home page', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('反有组织犯罪法 普法宣传');
  });

  it('the home page links to all four sections', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    for (const name of ['法律条文', '问答', '我要举报', '宣传资料']) {
      await expect(page.getByRole('link', { name }).first().isVisible()).resolves.toBe(true);
    }
    await page.close();
  });

  it('searching 恶势力 lists the page that explains it first', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    await page.locator('#search-q').fill('恶势力');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('#search-results li').first().waitFor();
    const hrefs = await page
      .locator('#search-results li a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs[0]).toBe('/qa/what-is-e-shi-li-organization/');
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    await page.close();
  });
});
