import { readdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { absoluteUrl } from '../../src/lib/routes.ts';
import { QR_PRINT_MM } from '../../src/lib/posters/qr.ts';
import { launchChromium } from '../harness/browser.ts';
import { DIST, page as distPage } from '../harness/dist.ts';
import { A4_PX, decodeQr, layoutProblems, pdfPageCount, pdfPageSize } from '../helpers/print.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';

/**
 * Every poster and card of the built site, printed by Chromium: one A4 page each, no
 * text box outside its part of the sheet or clipped, and a QR code that decodes to the
 * poster's short link. One browser and one reused tab, so the whole run stays short
 * (about a third of a second per poster on a small machine).
 */

const { config } = loadSiteConfig();
const posters = readdirSync(`${DIST}/posters`).flatMap((kind) =>
  readdirSync(`${DIST}/posters/${kind}`).map((id) => `/posters/${kind}/${id}/`),
);

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let decoder: Page;
let printer: Page;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: A4_PX });
  decoder = await context.newPage();
  printer = await context.newPage();
  await printer.emulateMedia({ media: 'print' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('printing every poster and card', () => {
  it('finds the posters in dist/', () => {
    expect(posters.length).toBeGreaterThanOrEqual(77 + 8);
  });

  it.each(posters)(
    '%s prints on exactly one A4 page, fully inside the sheet, with a QR code that decodes to its short link',
    async (path) => {
      const page = printer;
      await page.goto(server.url + path);
      const layout = await page.evaluate(layoutProblems);
      expect(layout.problems).toEqual([]);
      expect(layout.sheetMm[0]).toBeCloseTo(210, 0);
      expect(layout.sheetMm[1]).toBeCloseTo(297, 0);
      // Printed at QR_PRINT_MM (46 mm, quiet zone included), as Chromium lays out the sheet.
      expect(layout.qrMm).toBeCloseTo(QR_PRINT_MM, 1);
      expect(await page.locator('.poster-toolbar').isVisible()).toBe(false);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdfPageCount(pdf)).toBe(1);
      expect(pdfPageSize(pdf)).toEqual([595, 842]); // A4 in points

      // The QR code as Chromium draws it, decoded by a real QR decoder.
      const code = await decodeQr(page, decoder);
      const printed = distPage(path).querySelector('.sheet-url')!.text.trim();
      expect(code).toBe(printed);
      const prefix = absoluteUrl(config.baseUrl, '/q/');
      expect(
        printed.startsWith(prefix) && /^[a-z0-9]+\/$/.test(printed.slice(prefix.length)),
        printed,
      ).toBe(true);
    },
  );
});

describe('short links in the browser', () => {
  const sample = [
    ['/q/l1/', '/law/1/'],
    ['/q/l61/', '/law/61/'],
    ['/q/l77/', '/law/77/'],
    ...posters
      .filter((p) => !p.startsWith('/posters/law/'))
      .map((p) => {
        const code = distPage(p)
          .querySelector('.sheet-url')!
          .text.trim()
          .split('/q/')[1]!
          .replace(/\/$/, '');
        return [`/q/${code}/`, p.replace('/posters/', '/')];
      }),
  ];

  it.each(sample)('%s leads to %s', async (from, to) => {
    const page = printer;
    await page.goto(server.url + from);
    await page.waitForURL(server.url + to, { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(to);
    expect(await page.locator('h1').first().textContent()).not.toContain('正在打开');
  });
});

describe('printing a reading page', () => {
  it.each(['/law/61/', '/materials/mingbaika/'])(
    '%s hides navigation and the 「打印海报」 link, and keeps the text',
    async (path) => {
      const page = printer;
      await page.goto(server.url + path);
      for (const selector of ['.site-header', 'nav.breadcrumbs', '.poster-link', '.site-footer']) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      expect(await page.locator('main h1').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('.poster-link a').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
    },
  );
});
