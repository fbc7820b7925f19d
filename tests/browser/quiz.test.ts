import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { drawQuestions, shareText } from '../../src/lib/quiz/quiz.ts';
import { useSite } from '../helpers/residents-browser.ts';

// The quiz (/quiz/) in Chromium, with and without JavaScript.
const site = useSite();

describe('/quiz/', () => {
  const all = parseYaml(readFileSync('content/quiz.yaml', 'utf8')) as Array<{
    id: string;
    options: string[];
    answer: number;
    article?: number;
  }>;
  const byId = new Map(all.map((q) => [q.id, q]));

  it('draws the questions for ?seed=, scores a known sequence of answers, and shares the score as text and as a PNG', async () => {
    const ctx = await site.open({
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Seed 1 draws the 12337 question, which tests no article and so shows no law link.
    await page.goto(site.server.url + '/quiz/?seed=1');
    const expectedIds = drawQuestions(
      all.map((q) => q.id),
      10,
      1,
    );
    expect(expectedIds.some((id) => byId.get(id)!.article === undefined)).toBe(true);
    const seen: string[] = [];
    // Right, right, wrong, right, wrong, wrong, right, right, right, wrong: 6 of 10.
    const plan = [true, true, false, true, false, false, true, true, true, false];
    for (const [i, right] of plan.entries()) {
      const card = page.locator('.quiz-card');
      const id = (await card.getAttribute('data-question'))!;
      seen.push(id);
      expect(await card.locator('.quiz-progress').textContent()).toBe(`第 ${i + 1} 题，共 10 题`);
      const q = byId.get(id)!;
      const choice = right ? q.answer : (q.answer % q.options.length) + 1;
      await card
        .locator('.quiz-choice')
        .nth(choice - 1)
        .click();
      expect(await card.locator('.quiz-verdict').textContent()).toMatch(
        right ? /^✓ 答对了/ : /^✗ 答错了。正确答案是/,
      );
      if (q.article === undefined) expect(await card.locator('a.quiz-source').count(), id).toBe(0);
      else expect(await card.locator('a.quiz-source').getAttribute('href')).toMatch(/\/law\//);
      // A second tap changes nothing (force: the options are aria-disabled now).
      await card
        .locator('.quiz-choice')
        .nth(q.answer - 1)
        .click({ force: true });
      expect(await card.locator('.quiz-verdict').count()).toBe(1);
      await card.locator('.quiz-next').click();
    }
    expect(seen).toEqual(expectedIds);
    const result = page.locator('.quiz-result');
    expect(await result.getAttribute('data-correct')).toBe('6');
    expect(await result.locator('h2').textContent()).toBe('您答对了 6 道题（共 10 道）');

    await page.getByRole('button', { name: '复制成绩' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(shareText({ correct: 6, total: 10 }, 'http://localhost:4321/quiz/'));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '生成成绩图片' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1080]);
    expect(download.suggestedFilename()).toBe('应知应会自测成绩.png');
    expect(errors).toEqual([]);
  });

  it('without JavaScript shows every question with its answer behind 看答案', async () => {
    const page = await (await site.open({ javaScriptEnabled: false })).newPage();
    await page.goto(site.server.url + '/quiz/');
    expect(await page.locator('.quiz-item').count()).toBe(all.length);
    const first = page.locator('.quiz-item').first();
    expect(await first.locator('.quiz-right').isVisible()).toBe(false);
    await first.getByText('看答案').click();
    expect(await first.locator('.quiz-right').isVisible()).toBe(true);
  });
});
