import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, stubSpeech, type SpeechLog } from '../helpers/residents-browser.ts';

// 朗读 in Chromium, with a stand-in for speech synthesis (none is available headless).
const site = useSite();

describe('朗读', () => {
  const speechLog = (page: Page) =>
    page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech);
  const highlighted = (page: Page) =>
    page.evaluate(() => {
      const h = CSS.highlights.get('read-aloud');
      return h ? [...h].map((r) => (r as Range).toString()).join('') : null;
    });

  it('is offered only when the browser has a Chinese voice', async () => {
    const cases: Array<[string, Parameters<typeof stubSpeech>[0], boolean]> = [
      ['no speech synthesis', { voices: [], none: true }, false],
      ['English voices only', { voices: [{ lang: 'en-US', name: 'English' }] }, false],
      [
        'a zh-CN voice',
        {
          voices: [
            { lang: 'en-US', name: 'English' },
            { lang: 'zh-CN', name: '普通话' },
          ],
        },
        true,
      ],
      [
        'a zh-CN voice that loads later',
        { voices: [{ lang: 'zh-CN', name: '普通话' }], delay: 300 },
        true,
      ],
    ];
    for (const [what, stub, shown] of cases) {
      const ctx = await site.open();
      await ctx.addInitScript(stubSpeech, stub);
      const page = await ctx.newPage();
      await page.goto(site.server.url + '/law/61/');
      await page.waitForLoadState('load');
      await page.waitForTimeout(stub.delay ? stub.delay + 200 : 100);
      expect(await page.getByRole('button', { name: '朗读' }).isVisible(), what).toBe(shown);
    }
  });

  it('reads the article sentence by sentence in zh-CN, highlighting each, with pause, resume and stop', async () => {
    const ctx = await site.open();
    await ctx.addInitScript(stubSpeech, {
      voices: [
        { lang: 'zh-TW', name: '國語' },
        { lang: 'zh-CN', name: '普通话' },
      ],
    });
    const page = await ctx.newPage();
    await page.goto(site.server.url + '/law/61/');
    await page.getByRole('button', { name: '朗读' }).click();
    await page.getByRole('button', { name: '暂停' }).waitFor();
    let log = await speechLog(page);
    expect(log.spoken).toEqual([{ text: '第六十一条', lang: 'zh-CN', voice: '普通话' }]);
    expect(await highlighted(page)).toBe('第六十一条');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('暂停');

    await page.evaluate(() =>
      (window as unknown as { __finishSentence: () => void }).__finishSentence(),
    );
    log = await speechLog(page);
    expect(log.spoken[1]!.text).toMatch(/^因举报、控告和制止有组织犯罪活动，.*保护措施：$/);
    expect(await highlighted(page)).toBe(log.spoken[1]!.text);

    // Each press goes through the player's module promise: poll for its effect.
    await page.getByRole('button', { name: '暂停' }).click();
    await expect.poll(async () => (await speechLog(page)).paused).toBe(true);
    await page.getByRole('button', { name: '继续' }).click();
    await expect.poll(async () => (await speechLog(page)).paused).toBe(false);
    await page.evaluate(() =>
      (window as unknown as { __finishSentence: () => void }).__finishSentence(),
    );
    expect((await speechLog(page)).spoken[2]!.text).toBe(
      '（一）不公开真实姓名、住址和工作单位等个人信息；',
    );

    await page.getByRole('button', { name: '停止' }).click();
    await page.getByRole('button', { name: '朗读' }).waitFor();
    expect(await page.getByRole('button', { name: '暂停' }).isVisible()).toBe(false);
    expect(await highlighted(page)).toBeNull();
    expect((await speechLog(page)).spoken).toHaveLength(3);
  });
});
