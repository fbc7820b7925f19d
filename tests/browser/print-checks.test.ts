import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetProblems } from '../../scripts/lib/print-pdfs.ts';
import { launchChromium } from '../harness/browser.ts';

/**
 * The checks `npm run build:print` runs on every sheet before printing it, on made-up
 * sheets: a good one passes, and each broken rule is reported.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const OPTS = { minBodyPt: 12, scale: 1, edgeMm: 5, qrMinMm: 25, minContrast: 4.5 };
const QR = (mm: number) =>
  `<svg class="qr" viewBox="0 0 10 10" style="display:block;width:${mm}mm;height:${mm}mm"><rect width="10" height="10"/></svg>`;

async function problems(body: string, foot = QR(30), opts = OPTS): Promise<string[]> {
  await page.setContent(
    `<html><body style="margin:0"><main class="sheet" style="width:210mm;height:297mm;padding:12mm;box-sizing:border-box;display:flex;flex-direction:column;background:#fff">
      <header class="sheet-head" style="font-size:20pt">标题</header>
      <div class="sheet-body" style="flex:1 1 auto">${body}</div>
      <footer class="sheet-foot" style="font-size:10pt">${foot}</footer>
    </main></body></html>`,
  );
  return page.evaluate(sheetProblems, opts);
}

describe('print checks on a sheet', () => {
  it('pass a sheet that keeps the rules', async () => {
    expect(
      await problems(
        '<p style="font-size:12pt;color:#111">正文十二磅。</p><p><span class="basis" style="font-size:9pt;color:#3d3d3d">（依据：第七条）</span></p>',
      ),
    ).toEqual([]);
  });

  it('report body text under 12pt, and under 10pt on a card', async () => {
    expect((await problems('<p style="font-size:11pt">正文十一磅。</p>')).join()).toMatch(
      /字号 11\.0pt，至少要 12pt/,
    );
    expect(
      await problems('<p style="font-size:10pt">正文十磅。</p>', QR(30), {
        ...OPTS,
        minBodyPt: 10,
      }),
    ).toEqual([]);
    expect(
      (await problems('<p><span class="basis" style="font-size:8pt">注脚</span></p>')).join(),
    ).toMatch(/至少要 9pt/);
  });

  it('report text that is pale once printed in greyscale', async () => {
    // #ff5a5a on white: grey 0.299·255 + 0.587·90 + 0.114·90 ≈ 139, about 3.4:1. The brand red passes.
    expect((await problems('<p style="font-size:14pt;color:#ff5a5a">红字。</p>')).join()).toMatch(
      /灰度后对比度只有 3\.\d/,
    );
    expect(await problems('<p style="font-size:14pt;color:#9e1b1b">深红字。</p>')).toEqual([]);
  });

  it('report anything within 5 mm of the edge, a small QR code, and text that leaves its part', async () => {
    expect((await problems('<p style="font-size:12pt;margin-left:-10mm">靠边</p>')).join()).toMatch(
      /离纸边不到 5 毫米/,
    );
    expect((await problems('<p style="font-size:12pt">正文</p>', QR(20))).join()).toMatch(
      /二维码只有 20\.0 毫米宽/,
    );
    // At A3 (scale 1.414) a 20 mm code prints 28 mm wide.
    expect(
      await problems('<p style="font-size:12pt">正文</p>', QR(20), { ...OPTS, scale: 1.414 }),
    ).toEqual([]);
    expect((await problems('<p style="font-size:12pt;height:400mm">太长</p>')).join()).toMatch(
      /超出/,
    );
  });
});
