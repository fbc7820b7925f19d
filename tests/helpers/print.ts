import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/** Helpers for printing posters in Chromium and checking the result. */

/** An A4 sheet at 96 px per inch: 210 × 297 mm. */
export const A4_PX = { width: 794, height: 1123 };

/** Pages in a PDF: page objects, not the /Pages tree. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The first page's size in points, rounded: [595, 842] for A4. */
export function pdfPageSize(pdf: Buffer): [number, number] | undefined {
  const m = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return m ? [Math.round(Number(m[1])), Math.round(Number(m[2]))] : undefined;
}

/**
 * Screenshots the poster's QR code as Chromium draws it, decodes the PNG to pixels in
 * `decoder` (any page of the same browser) and reads it with jsQR.
 */
export async function decodeQr(page: Page, decoder: Page): Promise<string | undefined> {
  const png = await page.locator('svg.qr').screenshot();
  // Pixels travel back as base64: a JSON array of numbers would take ten times as long.
  const { rgba, width, height } = await decoder.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(
      await (await fetch(`data:image/png;base64,${b64}`)).blob(),
    );
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let bin = '';
    for (let i = 0; i < img.data.length; i += 0x8000)
      bin += String.fromCharCode(...img.data.subarray(i, i + 0x8000));
    return { rgba: btoa(bin), width: img.width, height: img.height };
  }, png.toString('base64'));
  return jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), width, height)?.data;
}

/**
 * Runs in the page (page.evaluate): every box and every line of text must lie inside its
 * part of the sheet (demo mark, head, body, foot), the parts must not overlap, and no
 * element may hide part of its content with overflow. Also returns the QR code's width
 * and the sheet's size in millimetres.
 */
export function layoutProblems(): { problems: string[]; qrMm: number; sheetMm: [number, number] } {
  const mm = 96 / 25.4;
  const tol = 0.5;
  const sheet = document.querySelector<HTMLElement>('.sheet')!;
  const S = sheet.getBoundingClientRect();
  const inside = (r: DOMRect, box: DOMRect) =>
    r.left >= box.left - tol &&
    r.right <= box.right + tol &&
    r.top >= box.top - tol &&
    r.bottom <= box.bottom + tol;
  const label = (el: Element) =>
    el.tagName.toLowerCase() +
    (typeof el.className === 'string' && el.className
      ? '.' + el.className.trim().split(/\s+/).join('.')
      : '');
  const problems: string[] = [];
  const regions = [...sheet.children];
  regions.forEach((region, i) => {
    const R = region.getBoundingClientRect();
    if (!inside(R, S)) problems.push(`${label(region)} leaves the sheet`);
    const prev = regions[i - 1];
    if (prev && R.top < prev.getBoundingClientRect().bottom - tol)
      problems.push(`${label(region)} overlaps ${label(prev)}`);
    for (const el of region.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!inside(r, R)) problems.push(`${label(el)} leaves ${label(region)}`);
      const cs = getComputedStyle(el);
      if (
        (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      ) {
        problems.push(`${label(el)} hides part of its content (overflow ${cs.overflow})`);
      }
    }
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (!inside(r, R))
          problems.push(`text “${n.textContent.trim().slice(0, 16)}” leaves ${label(region)}`);
      }
    }
  });
  for (const el of [document.documentElement, document.body, sheet]) {
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible')
      problems.push(`${label(el)} has overflow ${cs.overflow}`);
  }
  const qr = document.querySelector('svg.qr')!.getBoundingClientRect();
  return { problems, qrMm: qr.width / mm, sheetMm: [S.width / mm, S.height / mm] };
}
