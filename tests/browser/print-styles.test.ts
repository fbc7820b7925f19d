import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';

// Print styles live in their own stylesheet (media="print"), after which Astro links the
// screen stylesheet: check that they still win when printing, and stay off the screen.
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

describe('print styles of a reading page', () => {
  it('hide the header, navigation and footer and set 12pt text in print, and nothing on screen', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/law/61/');
    const look = () =>
      page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        footer: getComputedStyle(document.querySelector('.site-footer')!).display,
        pager: getComputedStyle(document.querySelector('.pager')!).display,
        fontSize: getComputedStyle(document.documentElement).fontSize,
        link: getComputedStyle(document.querySelector('.breadcrumbs a')!).textDecorationLine,
      }));
    const screen = await look();
    expect(screen.header).not.toBe('none');
    expect(screen.fontSize).toBe('18px');
    await page.emulateMedia({ media: 'print' });
    const print = await look();
    expect(print).toEqual({
      header: 'none',
      footer: 'none',
      pager: 'none',
      fontSize: '16px',
      link: 'none',
    });
    await page.close();
  });
});
