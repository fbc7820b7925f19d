import { readdirSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { absoluteUrl } from '../../src/lib/urls.ts';
import { launchChromium } from '../helpers/browser.ts';
import { DIST, page as distPage } from '../helpers/dist.ts';
import { startPreview, type RunningServer } from '../helpers/server.ts';

/**
 * Every poster and card of the built site, printed by Chromium: one A4 page each, no
 * text box outside its part of the sheet or clipped, and a QR code that decodes to the
 * poster's short link. One browser and one reused tab, so the whole run stays short
 * (about a third of a second per poster on a small machine).
 */

const { config } = loadSiteConfig();
const posters = readdirSync(`${DIST}/posters`).flatMap((kind) => readdirSync(`${DIST}/posters/${kind}`).map((id) => `/posters/${kind}/${id}/`));
const A4_PX = { width: 794, height: 1123 }; // 210 × 297 mm at 96 px per inch
const PX_PER_MM = 96 / 25.4;

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

/** Pages in a PDF: page objects, not the /Pages tree. */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** RGBA pixels of a PNG, decoded by Chromium. */
async function pngPixels(png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, width, height } = await decoder.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { data: Array.from(img.data), width: img.width, height: img.height };
  }, png.toString('base64'));
  return { data: Uint8ClampedArray.from(data), width, height };
}

/** Runs in the page: every box and line of text inside its part of the sheet, nothing clipped. */
function layoutProblems(): { problems: string[]; qrMm: number; sheetMm: [number, number] } {
  const mm = 96 / 25.4;
  const tol = 0.5;
  const sheet = document.querySelector<HTMLElement>('.sheet')!;
  const S = sheet.getBoundingClientRect();
  const inside = (r: DOMRect, box: DOMRect) => r.left >= box.left - tol && r.right <= box.right + tol && r.top >= box.top - tol && r.bottom <= box.bottom + tol;
  const label = (el: Element) => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const problems: string[] = [];
  const regions = [...sheet.children];
  regions.forEach((region, i) => {
    const R = region.getBoundingClientRect();
    if (!inside(R, S)) problems.push(`${label(region)} leaves the sheet`);
    const prev = regions[i - 1];
    if (prev && R.top < prev.getBoundingClientRect().bottom - tol) problems.push(`${label(region)} overlaps ${label(prev)}`);
    for (const el of region.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!inside(r, R)) problems.push(`${label(el)} leaves ${label(region)}`);
      const cs = getComputedStyle(el);
      if ((cs.overflowX !== 'visible' || cs.overflowY !== 'visible') && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`${label(el)} hides part of its content (overflow ${cs.overflow})`);
      }
    }
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (!inside(r, R)) problems.push(`text “${n.textContent.trim().slice(0, 16)}” leaves ${label(region)}`);
      }
    }
  });
  for (const el of [document.documentElement, document.body, sheet]) {
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') problems.push(`${label(el)} has overflow ${cs.overflow}`);
  }
  const qr = document.querySelector('svg.qr')!.getBoundingClientRect();
  return { problems, qrMm: qr.width / mm, sheetMm: [S.width / mm, S.height / mm] };
}

describe('printing every poster and card', () => {
  it('finds the posters in dist/', () => {
    expect(posters.length).toBeGreaterThanOrEqual(77 + 8);
  });

  it.each(posters)('%s prints on exactly one A4 page, fully inside the sheet, with a QR code that decodes to its short link', async (path) => {
    const page = printer;
    await page.goto(server.url + path);
    {
      const layout = await page.evaluate(layoutProblems);
      expect(layout.problems).toEqual([]);
      expect(layout.sheetMm[0]).toBeCloseTo(210, 0);
      expect(layout.sheetMm[1]).toBeCloseTo(297, 0);
      expect(layout.qrMm).toBeGreaterThanOrEqual(30);
      expect(await page.locator('.poster-toolbar').isVisible()).toBe(false);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdfPageCount(pdf)).toBe(1);
      // A4 in points: 595 × 842.
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Math.round(Number(box![1]))).toBe(595);
      expect(Math.round(Number(box![2]))).toBe(842);

      // The QR code as Chromium draws it, decoded by a real QR decoder.
      const png = await page.locator('svg.qr').screenshot();
      const { data, width, height } = await pngPixels(png);
      const code = jsQR(data, width, height);
      const printed = distPage(path).querySelector('.sheet-url')!.text.trim();
      expect(code?.data).toBe(printed);
      expect(printed).toMatch(new RegExp(`^${absoluteUrl(config.baseUrl, '/q/')}[a-z0-9]+/$`));
    }
  });
});

describe('short links in the browser', () => {
  const sample = [
    ['/q/l1/', '/law/1/'],
    ['/q/l61/', '/law/61/'],
    ['/q/l77/', '/law/77/'],
    ...posters
      .filter((p) => !p.startsWith('/posters/law/'))
      .map((p) => {
        const code = distPage(p).querySelector('.sheet-url')!.text.trim().split('/q/')[1]!.replace(/\/$/, '');
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
