import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrintFont,
  listPrintJobs,
  makePack,
  renderPdfs,
  type PrintJob,
} from '../../scripts/lib/print-pdfs.ts';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import {
  isPrintFilePath,
  MANIFEST_FILE,
  parseManifest,
} from '../../src/lib/permalinks/manifest.ts';
import {
  PACK_LIST_NAME,
  PACK_URL,
  PRINT_SIZES,
  packListNames,
  type PrintFile,
  type PrintManifest,
} from '../../src/lib/print/files.ts';
import { DIST, page } from '../harness/dist.ts';

/**
 * The print-ready PDFs, made by the same code as `npm run build:print` from the poster
 * pages of dist/ (built by `npm test`), once per run into a temporary folder: all 9
 * materials in every size and a fixed sample of 10 law and Q&A posters. Checked with
 * Debian's poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages, pdftoppm) and
 * zbar-tools (zbarimg), as a print shop's software would read them.
 */

const { config } = loadSiteConfig();
const SAMPLE = [
  '/posters/law/1/',
  '/posters/law/2/',
  '/posters/law/7/',
  '/posters/law/8/',
  '/posters/law/61/',
  '/posters/law/69/',
  '/posters/law/77/',
  '/posters/qa/can-i-report-anonymously/',
  '/posters/qa/are-there-rewards-for-reporting/',
  '/posters/qa/can-they-check-my-bank-account/',
];
const all = listPrintJobs(DIST);
const materials = all.filter((j) => j.poster.startsWith('/posters/materials/'));
const jobs: PrintJob[] = [...materials, ...all.filter((j) => SAMPLE.includes(j.poster))];

let out: string;
let files: PrintFile[];
let pack: PrintManifest['pack'];
const fileOf = (job: PrintJob) => join(out, job.url);

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (Debian: poppler-utils, zbar-tools)`);
  return r.stdout;
}
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  checkPrintFont();
  out = mkdtempSync(join(tmpdir(), 'aocl-print-'));
  files = await renderPdfs({
    dist: DIST,
    base: new URL(config.baseUrl).pathname,
    outDir: out,
    jobs,
  });
  pack = makePack(
    out,
    files.filter((f) => f.poster.startsWith('/posters/materials/')),
    config.organization,
  );
}, 600_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('print-ready PDFs', () => {
  it('cover all 9 materials in every size and the whole sample', () => {
    expect(new Set(materials.map((j) => j.poster)).size).toBe(9);
    expect(materials.filter((j) => j.size === 'a4')).toHaveLength(9);
    expect(materials.filter((j) => j.size === 'a3')).toHaveLength(9);
    expect(materials.filter((j) => j.size === 'a5x2').map((j) => j.name)).toEqual([
      '明白卡-A5-每张A4两份.pdf',
    ]);
    expect(new Set(jobs.map((j) => j.poster)).size).toBe(9 + SAMPLE.length);
    expect(files).toHaveLength(jobs.length);
  });

  it('have permanent addresses: the URL manifest lists exactly the files a print build makes', () => {
    const listed = parseManifest(readFileSync(MANIFEST_FILE, 'utf8')).filter(isPrintFilePath);
    expect([...listed].sort()).toEqual([...all.map((j) => j.url), PACK_URL].sort());
  });

  it.each(jobs.map((j) => [`${j.url} (${j.name})`, j] as const))(
    '%s: one page of its size, one embedded font, title and organization as text',
    (_, job) => {
      const file = fileOf(job);
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(/^Pages:\s+1$/m);
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
      const [wMm, hMm] = PRINT_SIZES[job.size].paperMm;
      expect((w! / 72) * 25.4).toBeCloseTo(wMm, 0);
      expect((h! / 72) * 25.4).toBeCloseTo(hMm, 0);

      // Every font embedded, and all of them faces of WenQuanYi Micro Hei (no Type 3 outlines, no fallback font).
      const fonts = run('pdffonts', [file])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim());
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line, line).toMatch(
          /^[A-Z]{6}\+WenQuanYiMicroHei(Mono)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\b/,
        );
      }

      // Selectable, searchable text: the title and the organization from the config.
      const text = squash(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
      const title = page(job.poster).querySelector('.sheet-title')!.text;
      expect(text).toContain(squash(title));
      expect(text).toContain(`主办单位：${config.organization || '（未设置）'}`);
    },
  );

  it.each(jobs.map((j) => [j.url, j] as const))(
    '%s: no raster image (the QR code is vector), and no text within 5 mm of the edge',
    (_, job) => {
      const file = fileOf(job);
      const images = run('pdfimages', ['-list', file])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim());
      expect(images).toEqual([]);

      const bbox = run('pdftotext', ['-bbox', file, '-']);
      const [pw, ph] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!.slice(1).map(Number);
      const margin = (5 / 25.4) * 72;
      const words = [
        ...bbox.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ];
      expect(words.length).toBeGreaterThan(10);
      const tooClose = words
        .filter(
          ([, x0, y0, x1, y1]) =>
            Number(x0) < margin ||
            Number(y0) < margin ||
            Number(x1) > pw! - margin ||
            Number(y1) > ph! - margin,
        )
        .map((m) => m[5]);
      expect(tooClose).toEqual([]);
    },
  );

  it.each(jobs.map((j) => [j.url, j] as const))(
    '%s: the QR code decodes to the printed short link, in colour and in greyscale',
    (_, job) => {
      const file = fileOf(job);
      const printed = page(job.poster).querySelector('.sheet-url')!.text.trim();
      const copies = job.size === 'a5x2' ? 2 : 1;
      for (const mode of ['colour', 'grey']) {
        const prefix = join(out, `qr-${mode}`);
        // 100 dpi gives the A4 code's 1.1 mm modules 4 pixels each; the card's 0.7 mm modules need 150 dpi.
        const dpi = job.size === 'a5x2' ? '150' : '100';
        run('pdftoppm', [
          '-r',
          dpi,
          '-png',
          '-singlefile',
          ...(mode === 'grey' ? ['-gray'] : []),
          file,
          prefix,
        ]);
        const codes = run('zbarimg', ['-q', '--raw', `${prefix}.png`])
          .split('\n')
          .filter(Boolean);
        expect(codes, mode).toEqual(Array(copies).fill(printed));
      }
    },
  );
});

describe('the campaign pack', () => {
  it('holds every material in every size and a list that matches, with Chinese names flagged as UTF-8', () => {
    const zip = readFileSync(join(out, pack.url));
    // Central directory entries: signature PK\1\2, general purpose flags at +8, name length at +28, name at +46.
    const entries: Array<{ name: string; utf8: boolean }> = [];
    for (
      let i = zip.indexOf('PK\u0001\u0002', 0, 'latin1');
      i !== -1;
      i = zip.indexOf('PK\u0001\u0002', i + 4, 'latin1')
    ) {
      const flags = zip.readUInt16LE(i + 8);
      const len = zip.readUInt16LE(i + 28);
      entries.push({
        name: zip.subarray(i + 46, i + 46 + len).toString('utf8'),
        utf8: (flags & 0x0800) !== 0,
      });
    }
    const expected = materials.map((j) => j.name);
    expect(entries.map((e) => e.name).sort()).toEqual([PACK_LIST_NAME, ...expected].sort());
    expect(entries.every((e) => e.utf8)).toBe(true);
    expect(expected).toContain('明白卡-A5-每张A4两份.pdf');
    expect(expected).toContain('致居民朋友的一封信-A3.pdf');

    const unzipped = unzipSync(new Uint8Array(zip));
    const list = strFromU8(unzipped[PACK_LIST_NAME]!);
    expect(packListNames(list).sort()).toEqual([...expected].sort());
    expect(list).toContain(`主办单位：${config.organization || '（未设置）'}`);
    for (const f of files.filter((x) => x.poster.startsWith('/posters/materials/'))) {
      expect(Buffer.from(unzipped[f.name]!).equals(readFileSync(join(out, f.url))), f.name).toBe(
        true,
      );
    }
  });
});
