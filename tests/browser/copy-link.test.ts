import { describe, expect, it } from 'vitest';
import { useSite } from '../helpers/residents-browser.ts';

// 复制链接 in Chromium.
const site = useSite();

describe('复制链接', () => {
  it('copies the share text and says so', async () => {
    const ctx = await site.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await page.goto(site.server.url + '/qa/reporter-protection/');
    const expected = await page.locator('[data-copy]').getAttribute('data-copy');
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect
      .poll(() => page.locator('.page-tools [role="status"]').textContent())
      .toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });
});
