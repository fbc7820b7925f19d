/**
 * Renders the print-ready PDFs from the poster pages of a build (dist/) with Chromium:
 * one design, the same pages readers print from the browser. Used by `npm run build:print`
 * (scripts/build-print.ts) and by the tests, which render a sample once per run.
 *
 * - The pages are served to Chromium from dist/ through request interception: no server,
 *   no port, no other origin (every other request is refused). One tab per core, at most four.
 * - A4: the page's own @page size. A3: the same sheet zoomed by √2 (class print-a3).
 *   A5 cards: the page with class print-a5 (poster.css lays the sheet out at card sizes),
 *   then two copies side by side on A4 landscape with cut marks.
 * - Before printing, each sheet is checked in the page (sheetProblems): everything inside
 *   the sheet and at least 5 mm from the paper's edge, body text ≥ 12pt (cards ≥ 10pt, the letter ≥ 11pt),
 *   every other text ≥ 9pt, text contrast ≥ 4.5:1 after conversion to grey, QR code
 *   ≥ 25 mm. A problem stops the command and names the poster and the size.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../src/lib/print/browser.ts';
import {
  PACK_LIST_NAME,
  PACK_NAME,
  PACK_URL,
  PRINT_MANIFEST_FILE,
  PRINT_SIZES,
  packList,
  printFileName,
  printFileUrl,
  type PrintFile,
  type PrintManifest,
  type PrintSize,
} from '../../src/lib/print/files.ts';

/** The one font the PDFs embed (poster.css names it first for print). */
export const PRINT_FONT = {
  family: 'WenQuanYi Micro Hei',
  chinese: '文泉驿微米黑',
  debianPackage: 'fonts-wqy-microhei',
  licence: 'Apache-2.0 或 GPL-3.0+（附字体例外）',
} as const;

/** Fails, naming the Debian package, when the print font is not installed (fontconfig's fc-list). `family` is for tests. */
export function checkPrintFont(family: string = PRINT_FONT.family): void {
  let out: string;
  try {
    out = execFileSync('fc-list', [`:family=${family}`, 'family'], { encoding: 'utf8' });
  } catch {
    throw new Error(
      `找不到 fc-list，无法确认字体。请安装 Debian 软件包 fontconfig 和 ${PRINT_FONT.debianPackage}：sudo apt-get install fontconfig ${PRINT_FONT.debianPackage}`,
    );
  }
  if (!out.trim()) {
    throw new Error(
      `PDF 要嵌入字体“${PRINT_FONT.chinese}”（${PRINT_FONT.family}），这台电脑上没有安装。请安装 Debian 软件包 ${PRINT_FONT.debianPackage}：sudo apt-get install ${PRINT_FONT.debianPackage}`,
    );
  }
}

/** Fails with a clear message when Chromium is not where CHROMIUM_PATH says. */
export function checkChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `找不到 Chromium：${CHROMIUM_PATH}。请安装 Debian 软件包 chromium（sudo apt-get install chromium），或用环境变量 CHROMIUM_PATH 指定浏览器。`,
    );
  }
}

export interface PrintJob {
  /** The poster page (site path, without the base path). */
  poster: string;
  size: PrintSize;
  /** Site path of the PDF. */
  url: string;
  /** Readable file name. */
  name: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every PDF to make, from the poster pages of a build: each page names its sizes and file name (data-print-*). */
export function listPrintJobs(dist: string): PrintJob[] {
  const root = join(dist, 'posters');
  if (!existsSync(root)) throw new Error(`${root} 不存在：请先构建网站（npm run build）。`);
  const jobs: PrintJob[] = [];
  for (const file of walk(root)
    .filter((f) => f.endsWith(`${sep}index.html`))
    .sort()) {
    const poster = '/' + relative(dist, dirname(file)).split(sep).join('/') + '/';
    const main = /<main class="sheet"[^>]*>/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';
    const sizes = /data-print-sizes="([^"]*)"/.exec(main)?.[1];
    const name = /data-print-name="([^"]*)"/.exec(main)?.[1];
    if (!sizes || !name) throw new Error(`${file}：海报页缺少 data-print-sizes 或 data-print-name`);
    for (const size of sizes.split(' ') as PrintSize[]) {
      if (!(size in PRINT_SIZES)) throw new Error(`${file}：未知的打印尺寸 ${size}`);
      jobs.push({
        poster,
        size,
        url: printFileUrl(poster, size),
        name: printFileName(decode(name), size),
      });
    }
  }
  return jobs;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Runs in the page: what keeps this sheet from printing well, at `scale` times its CSS size. */
export function sheetProblems(opts: {
  minBodyPt: number;
  scale: number;
  edgeMm: number;
  qrMinMm: number;
  minContrast: number;
}): string[] {
  const pxToMm = (px: number) => ((px * 25.4) / 96) * opts.scale;
  const pxToPt = (px: number) => ((px * 72) / 96) * opts.scale;
  const problems: string[] = [];
  const sheet = document.querySelector<HTMLElement>('.sheet')!;
  const S = sheet.getBoundingClientRect();
  const edge = (opts.edgeMm / opts.scale) * (96 / 25.4);
  const tol = 0.5;
  const label = (el: Element) =>
    el.tagName.toLowerCase() +
    (typeof el.className === 'string' && el.className
      ? '.' + el.className.trim().split(/\s+/).join('.')
      : '');
  const inside = (r: DOMRect, box: { left: number; right: number; top: number; bottom: number }) =>
    r.left >= box.left - tol &&
    r.right <= box.right + tol &&
    r.top >= box.top - tol &&
    r.bottom <= box.bottom + tol;
  const safe = {
    left: S.left + edge,
    right: S.right - edge,
    top: S.top + edge,
    bottom: S.bottom - edge,
  };

  // Grey as an office printer makes it (luma of the sRGB values), then WCAG contrast.
  const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
  const lum = (g: number) => {
    const v = g / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const grey = ([r, g, b]: number[]) => lum(0.299 * r! + 0.587 * g! + 0.114 * b!);
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c[3] === undefined || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };

  // The parts of the sheet (demo mark, head, body, foot): inside the sheet, not overlapping, nothing leaving them.
  const regions = [...sheet.children];
  regions.forEach((region, i) => {
    const R = region.getBoundingClientRect();
    if (!inside(R, S)) problems.push(`${label(region)} 超出纸张`);
    const prev = regions[i - 1];
    if (prev && R.top < prev.getBoundingClientRect().bottom - tol)
      problems.push(`${label(region)} 和 ${label(prev)} 重叠`);
    for (const el of region.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!inside(r, R)) problems.push(`${label(el)} 超出 ${label(region)}`);
      if (!inside(r, safe)) problems.push(`${label(el)} 离纸边不到 ${opts.edgeMm} 毫米`);
    }
  });

  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()];
    if (rects.length === 0) continue;
    const what = `“${text.slice(0, 12)}”`;
    for (const r of rects)
      if (!inside(r, safe)) problems.push(`${what} 离纸边不到 ${opts.edgeMm} 毫米`);
    const cs = getComputedStyle(el);
    const size = pxToPt(parseFloat(cs.fontSize));
    const footnote = el.closest(
      '.basis, figcaption, .sheet-kicker, .sheet-url, .sheet-scan, .sheet-demo, .channel-local, .sheet-more',
    );
    const body = el.closest('.sheet-body');
    const min = body && !footnote ? opts.minBodyPt : 9;
    if (size < min - 0.05) problems.push(`${what} 字号 ${size.toFixed(1)}pt，至少要 ${min}pt`);
    const fg = grey(rgb(cs.color));
    const bg = grey(background(el));
    const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (contrast < opts.minContrast)
      problems.push(`${what} 转成灰度后对比度只有 ${contrast.toFixed(2)}:1`);
  }

  const qr = document.querySelector('svg.qr');
  if (!qr) problems.push('没有二维码');
  else if (pxToMm(qr.getBoundingClientRect().width) < opts.qrMinMm - 0.05)
    problems.push(
      `二维码只有 ${pxToMm(qr.getBoundingClientRect().width).toFixed(1)} 毫米宽，至少要 ${opts.qrMinMm} 毫米`,
    );
  return problems;
}

/** Runs in the page: two copies of the (A5) sheet side by side, with cut marks on the line between them. */
function imposeTwoUp(): void {
  const sheet = document.querySelector('.sheet')!;
  const wrap = document.createElement('div');
  wrap.className = 'print-2up';
  sheet.before(wrap);
  wrap.append(sheet, sheet.cloneNode(true));
  for (const pos of ['top', 'bottom']) {
    const mark = document.createElement('div');
    mark.className = `print-cut ${pos}`;
    mark.setAttribute('aria-hidden', 'true');
    wrap.append(mark);
  }
}

/** The A3 sheet is the A4 sheet zoomed (poster.css .print-a3): √2, a hair less so rounding never spills onto a second page. */
const A3_SCALE = 1.414;

/** Pages in a PDF: page objects, not the /Pages tree. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

async function printOne(page: Page, origin: string, base: string, job: PrintJob): Promise<Buffer> {
  await page.goto(origin + base + job.poster.slice(1));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const card = job.size === 'a5x2';
  if (card) await page.evaluate(() => document.documentElement.classList.add('print-a5'));
  // The letter is read in hand, not on a wall: with the deployer's local channels its text
  // may take fit.ts's smallest step, 11pt (src/lib/posters/fit.ts), which is allowed here.
  const letter = (await page.locator('.sheet .letter').count()) > 0;
  const problems = await page.evaluate(sheetProblems, {
    minBodyPt: card ? 10 : letter ? 11 : 12,
    scale: job.size === 'a3' ? A3_SCALE : 1,
    edgeMm: 5,
    qrMinMm: 25,
    minContrast: 4.5,
  });
  if (problems.length) {
    throw new Error(
      `${job.poster}（${PRINT_SIZES[job.size].label}）不能打印成 PDF：\n${[...new Set(problems)].map((p) => '  - ' + p).join('\n')}`,
    );
  }
  // Paper sizes come from poster.css (@page, and named pages for A3 and the A4 landscape
  // sheet of cards). Chromium's own pdf scale would lay out on the A4 page and spill.
  if (job.size === 'a3')
    await page.evaluate(() => document.documentElement.classList.add('print-a3'));
  if (card) await page.evaluate(imposeTwoUp);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdfPageCount(pdf);
  if (pages !== 1)
    throw new Error(
      `${job.poster}（${PRINT_SIZES[job.size].label}）印出了 ${pages} 页，应该是 1 页`,
    );
  return pdf;
}

/**
 * Renders `jobs` from the build in `dist` (site base path `base`, e.g. "/" or "/pufa/") into
 * `outDir` (each file at outDir + its url). One browser, one tab, one job after another.
 */
export async function renderPdfs(opts: {
  dist: string;
  base: string;
  outDir: string;
  jobs: readonly PrintJob[];
  onFile?: (f: PrintFile) => void;
}): Promise<PrintFile[]> {
  const { dist, outDir, jobs } = opts;
  const base = opts.base.endsWith('/') ? opts.base : opts.base + '/';
  const origin = 'http://print.invalid';
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/*', (route) => route.abort());
    await context.route(`${origin}/**`, async (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname);
      if (!path.startsWith(base)) return route.fulfill({ status: 404, body: '' });
      let file = join(dist, path.slice(base.length));
      if (path.endsWith('/')) file = join(file, 'index.html');
      if (!existsSync(file) || !statSync(file).isFile())
        return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        body: readFileSync(file),
      });
    });
    // A few tabs at once, one per core (at most 4): each takes the next job.
    const files: PrintFile[] = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i]!;
        const pdf = await printOne(page, origin, base, job);
        const to = join(outDir, job.url);
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, pdf);
        files[i] = { ...job, bytes: pdf.length };
        opts.onFile?.(files[i]!);
      }
    };
    const tabs = Math.max(1, Math.min(4, availableParallelism(), jobs.length));
    await Promise.all(Array.from({ length: tabs }, worker));
    return files;
  } finally {
    await browser.close();
  }
}

/**
 * The campaign pack: the given files under their Chinese names and a plain-text list, in a
 * zip whose entries carry the UTF-8 file-name flag (fflate sets bit 11 for any name that
 * is not ASCII), so Chinese names survive every extractor. Written to outDir + PACK_URL.
 */
export function makePack(
  outDir: string,
  files: readonly PrintFile[],
  org: string,
): PrintManifest['pack'] {
  const list = packList(files, org);
  const entries: Record<string, Uint8Array> = { [PACK_LIST_NAME]: strToU8(list) };
  for (const f of files) entries[f.name] = readFileSync(join(outDir, f.url));
  const zip = zipSync(entries, { level: 6 });
  const to = join(outDir, PACK_URL);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, zip);
  return { url: PACK_URL, name: PACK_NAME, bytes: zip.length, entries: Object.keys(entries) };
}

export function writePrintManifest(outDir: string, manifest: PrintManifest): void {
  writeFileSync(join(outDir, PRINT_MANIFEST_FILE), JSON.stringify(manifest, null, 1));
}
