import { describe, expect, it } from 'vitest';
import { useSite, classes, fontSize, watchFirstPaint } from '../helpers/residents-browser.ts';

// 大字模式, 高对比 and dark mode in Chromium.
const site = useSite();

describe('大字模式 and 高对比', () => {
  it('大字模式 makes body text 30px, survives a reload and other pages, and applies before first paint without layout shift', async () => {
    const ctx = await site.open();
    await ctx.addInitScript(watchFirstPaint);
    const page = await ctx.newPage();
    await page.goto(site.server.url + '/law/61/');
    expect(await fontSize(page, '.article-text p')).toBe('18px');
    const toggle = page.getByRole('button', { name: '大字模式' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const box = (await toggle.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await classes(page)).toContain('large');
    expect(await fontSize(page, '.article-text p')).toBe('30px');
    expect(await page.evaluate(() => localStorage.getItem('aocl:large'))).toBe('1');
    expect(await page.evaluate(() => document.cookie)).toBe('');

    for (const path of ['/law/61/', '/qa/reporter-protection/']) {
      await page.goto(site.server.url + path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(200);
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __bodyClasses?: string; __shifts: number[] };
        return { atFirstBody: w.__bodyClasses, shifts: w.__shifts };
      });
      expect(seen.atFirstBody?.split(' '), path).toContain('large');
      expect(seen.shifts, `${path}: layout shifts`).toEqual([]);
      expect(
        await page.getByRole('button', { name: '大字模式' }).getAttribute('aria-pressed'),
      ).toBe('true');
    }
    // 187.5% of the 16px root, as on the law page; the answer sentence is 1.05rem of that.
    expect(await fontSize(page, '.answer + *, main p:not(.answer)')).toBe('30px');
    expect(await fontSize(page, '.answer')).toBe('31.5px');

    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await classes(page)).not.toContain('large');
    await page.reload();
    expect(await classes(page)).not.toContain('large');
  });

  it('高对比 switches to white on black and is kept; the system setting turns it on until the reader turns it off', async () => {
    const ctx = await site.open();
    const page = await ctx.newPage();
    await page.goto(site.server.url + '/law/61/');
    const bg = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.getByRole('button', { name: '高对比' }).click();
    expect(await bg()).toBe('rgb(0, 0, 0)');
    await page.reload();
    expect(await bg()).toBe('rgb(0, 0, 0)');
    expect(await page.getByRole('button', { name: '高对比' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    const sys = await (await site.open({ contrast: 'more' })).newPage();
    await sys.goto(site.server.url + '/law/61/');
    const toggle = sys.getByRole('button', { name: '高对比' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(
      await sys.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe('rgb(0, 0, 0)');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(
      await sys.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
  });

  it('without JavaScript the page reads normally and shows no control that cannot work', async () => {
    const page = await (await site.open({ javaScriptEnabled: false })).newPage();
    await page.goto(site.server.url + '/law/61/');
    expect(await page.locator('h1').textContent()).toBe('第六十一条');
    for (const name of ['大字模式', '高对比', '复制链接', '朗读'])
      expect(await page.getByRole('button', { name }).isVisible(), name).toBe(false);
  });

  it('dark mode follows the system', async () => {
    const page = await (await site.open({ colorScheme: 'dark' })).newPage();
    await page.goto(site.server.url + '/law/61/');
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe('rgb(22, 22, 22)');
  });
});
