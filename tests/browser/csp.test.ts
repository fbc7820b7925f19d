import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as CSP } from '../../src/lib/security-headers.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { useSite, classes, stubSpeech } from '../helpers/residents-browser.ts';

// Residents' features under the shipped Content-Security-Policy (src/lib/security-headers.ts).
const site = useSite();

describe('under the Content-Security-Policy', () => {
  it('the toggles, 朗读 and the quiz work with no violation', async () => {
    const ctx = await site.open({ acceptDownloads: true });
    await ctx.route('**/*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        headers: { ...res.headers(), 'content-security-policy': CSP },
      });
    });
    await ctx.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await ctx.addInitScript(stubSpeech, { voices: [{ lang: 'zh-CN', name: '普通话' }] });
    const page = await ctx.newPage();
    const violations = () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

    await page.goto(site.server.url + '/law/61/');
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.getByRole('button', { name: '朗读' }).click();
    await page.getByRole('button', { name: '停止' }).click();
    expect(await classes(page)).toContain('large');
    expect(await violations()).toEqual([]);

    await page.goto(site.server.url + '/quiz/?seed=1');
    for (let i = 0; i < 10; i++) {
      await page.locator('.quiz-choice').first().click();
      await page.locator('.quiz-next').click();
    }
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '生成成绩图片' }).click(),
    ]);
    expect(await violations()).toEqual([]);
  });

  // 离线保存 needs the service worker, which the contexts above block and which a routed
  // response cannot carry the policy to: serve dist/ with the policy as a header instead.
  it('离线保存 saves the site with no violation', async () => {
    const own = await startStaticServer({ headers: { 'content-security-policy': CSP } });
    const ctx = await site.browser.newContext({ viewport: { width: 375, height: 812 } });
    site.contexts.push(ctx);
    try {
      await ctx.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const page = await ctx.newPage();
      const violations = () =>
        page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      const res = await page.goto(own.url + '/offline/');
      expect(res!.headers()['content-security-policy']).toBe(CSP);
      await expect
        .poll(() => page.locator('#offline-size').textContent(), { timeout: 10_000 })
        .toMatch(/流量/);
      await page.locator('#offline-save').click();
      await expect
        .poll(() => page.locator('#offline-status').textContent(), { timeout: 30_000 })
        .toContain('保存好了');
      await expect
        .poll(() => page.locator('#offline-size').textContent())
        .toMatch(/^已经全部保存（\d+ 页）/);
      expect(await violations()).toEqual([]);
    } finally {
      await own.stop();
    }
  });
});
