import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { drawQuestions, shareText } from '../../src/lib/quiz/quiz.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startPreview, type RunningServer } from '../helpers/server.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { tempProject } from '../helpers/temp-project.ts';

// Issue 9 in Chromium: 大字模式 and 高对比, 朗读, 复制链接, the quiz, offline reading, and
// all of it under the site's Content-Security-Policy.
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startPreview(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

async function open(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  // Service workers are tested on their own below; elsewhere they would only add noise.
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, serviceWorkers: 'block', ...options });
  contexts.push(ctx);
  return ctx;
}

const classes = (page: Page) => page.evaluate(() => document.documentElement.className.split(/\s+/).sort());
const fontSize = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).fontSize);

/** Records the <html> classes when <body> first appears, and every layout shift. */
function watchFirstPaint(): void {
  const w = window as unknown as { __bodyClasses?: string; __shifts: number[] };
  w.__shifts = [];
  new MutationObserver((_, obs) => {
    if (document.body) {
      w.__bodyClasses = document.documentElement.className;
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('大字模式 and 高对比', () => {
  it('大字模式 makes body text 30px, survives a reload and other pages, and applies before first paint without layout shift', async () => {
    const ctx = await open();
    await ctx.addInitScript(watchFirstPaint);
    const page = await ctx.newPage();
    await page.goto(server.url + '/law/61/');
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
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(200);
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __bodyClasses?: string; __shifts: number[] };
        return { atFirstBody: w.__bodyClasses, shifts: w.__shifts };
      });
      expect(seen.atFirstBody?.split(' '), path).toContain('large');
      expect(seen.shifts, `${path}: layout shifts`).toEqual([]);
      expect(await page.getByRole('button', { name: '大字模式' }).getAttribute('aria-pressed')).toBe('true');
    }
    expect(await fontSize(page, '.answer + *, main p:not(.answer)')).not.toBe('18px');

    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await classes(page)).not.toContain('large');
    await page.reload();
    expect(await classes(page)).not.toContain('large');
  });

  it('高对比 switches to white on black and is kept; the system setting turns it on until the reader turns it off', async () => {
    const ctx = await open();
    const page = await ctx.newPage();
    await page.goto(server.url + '/law/61/');
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.getByRole('button', { name: '高对比' }).click();
    expect(await bg()).toBe('rgb(0, 0, 0)');
    await page.reload();
    expect(await bg()).toBe('rgb(0, 0, 0)');
    expect(await page.getByRole('button', { name: '高对比' }).getAttribute('aria-pressed')).toBe('true');

    const sys = await (await open({ contrast: 'more' })).newPage();
    await sys.goto(server.url + '/law/61/');
    const toggle = sys.getByRole('button', { name: '高对比' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await sys.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(0, 0, 0)');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await sys.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  it('without JavaScript the page reads normally and shows no control that cannot work', async () => {
    const page = await (await open({ javaScriptEnabled: false })).newPage();
    await page.goto(server.url + '/law/61/');
    expect(await page.locator('h1').textContent()).toBe('第六十一条');
    for (const name of ['大字模式', '高对比', '复制链接', '朗读']) expect(await page.getByRole('button', { name }).isVisible(), name).toBe(false);
  });

  it('dark mode follows the system', async () => {
    const page = await (await open({ colorScheme: 'dark' })).newPage();
    await page.goto(server.url + '/law/61/');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(22, 22, 22)');
  });
});

interface SpeechLog {
  spoken: Array<{ text: string; lang: string; voice: string | undefined }>;
  paused: boolean;
}

/** A stand-in for the browser's speech synthesis, with the given voices (now, or after a delay). */
function stubSpeech(arg: { voices: Array<{ lang: string; name: string }>; delay?: number; none?: boolean }): void {
  const w = window as unknown as Record<string, unknown>;
  if (arg.none) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  let voices = arg.delay ? [] : arg.voices;
  const events = new EventTarget();
  const log: SpeechLog = { spoken: [], paused: false };
  let current: { onend?: () => void; onerror?: (e: unknown) => void } | undefined;
  const synth = {
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
    speak(u: { text: string; lang: string; voice?: { name: string } }) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
      current = u as typeof current;
    },
    cancel() {
      const u = current;
      current = undefined;
      u?.onerror?.({ error: 'canceled' });
    },
    pause: () => (log.paused = true),
    resume: () => (log.paused = false),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    lang = '';
    voice = null;
    text: string;
    constructor(text: string) {
      this.text = text;
    }
  };
  w.__speech = log;
  w.__finishSentence = () => {
    const u = current;
    current = undefined;
    u?.onend?.();
  };
  if (arg.delay) {
    setTimeout(() => {
      voices = arg.voices;
      events.dispatchEvent(new Event('voiceschanged'));
    }, arg.delay);
  }
}

describe('朗读', () => {
  const speechLog = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech);
  const highlighted = (page: Page) =>
    page.evaluate(() => {
      const h = CSS.highlights.get('read-aloud');
      return h ? [...h].map((r) => (r as Range).toString()).join('') : null;
    });

  it('is offered only when the browser has a Chinese voice', async () => {
    const cases: Array<[string, Parameters<typeof stubSpeech>[0], boolean]> = [
      ['no speech synthesis', { voices: [], none: true }, false],
      ['English voices only', { voices: [{ lang: 'en-US', name: 'English' }] }, false],
      ['a zh-CN voice', { voices: [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '普通话' }] }, true],
      ['a zh-CN voice that loads later', { voices: [{ lang: 'zh-CN', name: '普通话' }], delay: 300 }, true],
    ];
    for (const [what, stub, shown] of cases) {
      const ctx = await open();
      await ctx.addInitScript(stubSpeech, stub);
      const page = await ctx.newPage();
      await page.goto(server.url + '/law/61/');
      await page.waitForLoadState('load');
      await page.waitForTimeout(stub.delay ? stub.delay + 200 : 100);
      expect(await page.getByRole('button', { name: '朗读' }).isVisible(), what).toBe(shown);
    }
  });

  it('reads the article sentence by sentence in zh-CN, highlighting each, with pause, resume and stop', async () => {
    const ctx = await open();
    await ctx.addInitScript(stubSpeech, { voices: [{ lang: 'zh-TW', name: '國語' }, { lang: 'zh-CN', name: '普通话' }] });
    const page = await ctx.newPage();
    await page.goto(server.url + '/law/61/');
    await page.getByRole('button', { name: '朗读' }).click();
    await page.getByRole('button', { name: '暂停' }).waitFor();
    let log = await speechLog(page);
    expect(log.spoken).toEqual([{ text: '第六十一条', lang: 'zh-CN', voice: '普通话' }]);
    expect(await highlighted(page)).toBe('第六十一条');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('暂停');

    await page.evaluate(() => (window as unknown as { __finishSentence: () => void }).__finishSentence());
    log = await speechLog(page);
    expect(log.spoken[1]!.text).toMatch(/^因举报、控告和制止有组织犯罪活动，.*保护措施：$/);
    expect(await highlighted(page)).toBe(log.spoken[1]!.text);

    // Each press goes through the player's module promise: poll for its effect.
    await page.getByRole('button', { name: '暂停' }).click();
    await expect.poll(async () => (await speechLog(page)).paused).toBe(true);
    await page.getByRole('button', { name: '继续' }).click();
    await expect.poll(async () => (await speechLog(page)).paused).toBe(false);
    await page.evaluate(() => (window as unknown as { __finishSentence: () => void }).__finishSentence());
    expect((await speechLog(page)).spoken[2]!.text).toBe('（一）不公开真实姓名、住址和工作单位等个人信息；');

    await page.getByRole('button', { name: '停止' }).click();
    await page.getByRole('button', { name: '朗读' }).waitFor();
    expect(await page.getByRole('button', { name: '暂停' }).isVisible()).toBe(false);
    expect(await highlighted(page)).toBeNull();
    expect((await speechLog(page)).spoken).toHaveLength(3);
  });
});

describe('复制链接', () => {
  it('copies the share text and says so', async () => {
    const ctx = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await page.goto(server.url + '/qa/reporter-protection/');
    const expected = await page.locator('[data-copy]').getAttribute('data-copy');
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.locator('.page-tools [role="status"]').textContent()).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });
});

describe('/quiz/', () => {
  const all = parseYaml(readFileSync('content/quiz.yaml', 'utf8')) as Array<{ id: string; options: string[]; answer: number }>;
  const byId = new Map(all.map((q) => [q.id, q]));

  it('draws the questions for ?seed=, scores a known sequence of answers, and shares the score as text and as a PNG', async () => {
    const ctx = await open({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/quiz/?seed=20240501');
    const expectedIds = drawQuestions(all.map((q) => q.id), 10, 20240501);
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
      await card.locator('.quiz-choice').nth(choice - 1).click();
      expect(await card.locator('.quiz-verdict').textContent()).toMatch(right ? /^✓ 答对了/ : /^✗ 答错了。正确答案是/);
      expect(await card.locator('a.quiz-source').getAttribute('href')).toMatch(/\/law\//);
      // A second tap changes nothing (force: the options are aria-disabled now).
      await card.locator('.quiz-choice').nth(q.answer - 1).click({ force: true });
      expect(await card.locator('.quiz-verdict').count()).toBe(1);
      await card.locator('.quiz-next').click();
    }
    expect(seen).toEqual(expectedIds);
    const result = page.locator('.quiz-result');
    expect(await result.getAttribute('data-correct')).toBe('6');
    expect(await result.locator('h2').textContent()).toBe('您答对了 6 道题（共 10 道）');

    await page.getByRole('button', { name: '复制成绩' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shareText({ correct: 6, total: 10 }, 'http://localhost:4321/quiz/'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成成绩图片' }).click()]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1080]);
    expect(download.suggestedFilename()).toBe('应知应会自测成绩.png');
    expect(errors).toEqual([]);
  });

  it('without JavaScript shows every question with its answer behind 看答案', async () => {
    const page = await (await open({ javaScriptEnabled: false })).newPage();
    await page.goto(server.url + '/quiz/');
    expect(await page.locator('.quiz-item').count()).toBe(all.length);
    const first = page.locator('.quiz-item').first();
    expect(await first.locator('.quiz-right').isVisible()).toBe(false);
    await first.getByText('看答案').click();
    expect(await first.locator('.quiz-right').isVisible()).toBe(true);
  });
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe('under the Content-Security-Policy', () => {
  it('toggles, 朗读, the quiz and 离线保存 work with no violation', async () => {
    const ctx = await open({ acceptDownloads: true });
    await ctx.route('**/*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
    });
    await ctx.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await ctx.addInitScript(stubSpeech, { voices: [{ lang: 'zh-CN', name: '普通话' }] });
    const page = await ctx.newPage();
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

    await page.goto(server.url + '/law/61/');
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.getByRole('button', { name: '朗读' }).click();
    await page.getByRole('button', { name: '停止' }).click();
    expect(await classes(page)).toContain('large');
    expect(await violations()).toEqual([]);

    await page.goto(server.url + '/quiz/?seed=1');
    for (let i = 0; i < 10; i++) {
      await page.locator('.quiz-choice').first().click();
      await page.locator('.quiz-next').click();
    }
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成成绩图片' }).click()]);
    expect(await violations()).toEqual([]);

    await page.goto(server.url + '/offline/');
    await expect.poll(() => page.locator('#offline-size').textContent()).toMatch(/流量/);
    expect(await violations()).toEqual([]);
  });
});

describe('colour contrast in every scheme (axe)', () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const schemes: Array<[string, BrowserContextOptions, Record<string, string>]> = [
    ['dark', { colorScheme: 'dark' }, {}],
    ['高对比', {}, { 'aocl:contrast': '1' }],
    ['大字', {}, { 'aocl:large': '1' }],
  ];
  it.each(schemes)('%s', async (_, options, stored) => {
    const ctx = await open(options);
    await ctx.addInitScript((s) => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v)), stored);
    const page = await ctx.newPage();
    for (const path of ['/law/61/', '/qa/reporter-protection/', '/report/', '/quiz/', '/offline/', '/']) {
      await page.goto(server.url + path);
      if (path === '/quiz/') await page.locator('.quiz-choice').first().click();
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }> } }).axe.run({ runOnly: ['color-contrast'] });
        return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
      });
      expect(violations, path).toEqual([]);
    }
  });
});

/** First visit, 离线保存, then the network cut off (the server stopped and the browser offline). */
async function offlineFlow(own: RunningServer): Promise<Record<string, { entries: number; bytes: number }>> {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  let ctxOffline = false;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  // ERR_ABORTED: a request the next navigation cancelled (the favicon), not a failure.
  page.on('requestfailed', (r) => !ctxOffline && r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed ${r.url()} ${r.failure()?.errorText}`));
  page.on('console', (m) => m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await page.goto(own.url + '/law/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
  await page.goto(own.url + '/quiz/');

  await page.goto(own.url + '/offline/');
  const size = page.locator('#offline-size');
  await expect.poll(() => size.textContent(), { timeout: 10_000 }).toMatch(/大约要用 \d+ KB 流量|连不上/);
  expect(errors).toEqual([]);
  expect(await size.textContent()).toMatch(/大约要用 \d+ KB 流量/);
  const save = page.locator('#offline-save');
  expect(await save.textContent()).toMatch(/^离线保存（约 \d+ KB）$/);
  // Pages already read were kept while browsing: only the rest is counted.
  expect(await size.textContent()).toMatch(/^还有 \d+ 页需要保存/);
  await save.click();
  await expect.poll(() => page.locator('#offline-status').textContent(), { timeout: 30_000 }).toContain('保存好了');
  await expect.poll(() => size.textContent()).toMatch(/^已经全部保存（\d+ 页）/);

  // What the worker keeps, in bytes.
  const cached = await page.evaluate(async () => {
    const out: Record<string, { entries: number; bytes: number }> = {};
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      let bytes = 0;
      const keys = await c.keys();
      for (const k of keys) bytes += (await (await c.match(k))!.arrayBuffer()).byteLength;
      out[name.replace(/-[0-9a-f]{16}$/, '')] = { entries: keys.length, bytes };
    }
    return out;
  });
  expect(cached['aocl-pages']!.entries).toBeGreaterThan(140);

  expect(errors).toEqual([]);
  ctxOffline = true;
  await own.stop();
  await ctx.setOffline(true);
  for (const [path, h1] of [
    ['/law/61/', '第六十一条'],
    ['/qa/reporter-protection/', /？$/],
    ['/quiz/', '应知应会 自测'],
    ['/glossary/', '现在没有网络'],
  ] as const) {
    await page.goto(own.url + path);
    const text = await page.locator('h1').textContent();
    if (typeof h1 === 'string') expect(text, path).toBe(h1);
    else expect(text, path).toMatch(h1);
  }
  // A poster's QR code opens its short link: offline it redirects to the saved page.
  await page.goto(own.url + '/q/l61/');
  await page.waitForURL(/\/law\/61\/$/);
  expect(await page.locator('h1').textContent()).toBe('第六十一条');
  // Search works offline: the index was saved with the pages.
  await page.goto(own.url + '/search/?q=' + encodeURIComponent('有人上门要债怎么办'));
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(/^找到 \d+ 条/);
  expect(await page.locator('#search-results li a').count()).toBeGreaterThan(0);
  await page.goto(own.url + '/law/61/');
  expect(await page.locator('[data-offline-note]').isVisible()).toBe(true);
  // Styled: the stylesheet came from the cache too.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).toBe('rgb(158, 27, 27)');
  expect(errors).toEqual([]);
  return cached;
}

describe('offline reading', () => {
  it('after a first visit and 离线保存, /law/61/, a Q&A page, a short link and search work with the network cut off', async () => {
    const cached = await offlineFlow(await startStaticServer());
    console.log('service worker caches after 离线保存 (bytes):', JSON.stringify(cached));
  });

  it('works the same for a site under a sub-path, served with the Content-Security-Policy', async () => {
    const p = tempProject();
    try {
      const config = join(p.dir, 'content/site.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^baseUrl:.*$/m, 'baseUrl: http://localhost:4321/pufa/'));
      const { status, output } = p.build();
      expect(status, output).toBe(0);
      expect(readFileSync(join(p.dir, 'dist/sw.js'), 'utf8')).toContain('"base":"/pufa/"');
      await offlineFlow(await startStaticServer({ dir: join(p.dir, 'dist'), base: '/pufa/', headers: { 'content-security-policy': CSP } }));
    } finally {
      p.remove();
    }
  }, 180_000);
});
