/**
 * Print-ready PDFs: which sizes each poster is printed in, where each file lives and what
 * it is called. Pure: `npm run build:print` (scripts/build-print.ts) renders the files,
 * src/integrations/print-files.ts hands the list to pages, and the download block
 * (src/components/print/PrintDownloads.astro) shows it.
 *
 * - Addresses are ASCII and follow the poster's own address (/print/law-61-a4.pdf), so they
 *   stay the same when a title is reworded, and every web server and CDN serves them.
 * - File names, in the download link and in the campaign pack, are readable Chinese
 *   (明白卡-A5-每张A4两份.pdf).
 */

/** a4: one A4 portrait sheet. a3: the same sheet enlarged to A3, for the 宣传栏. a5x2: an A5 card, two on an A4 landscape sheet with cut marks. */
export type PrintSize = 'a4' | 'a3' | 'a5x2';

export interface PrintSizeInfo {
  /** In file names: 明白卡-A5-每张A4两份.pdf. */
  fileLabel: string;
  /** For readers, in the download block. */
  label: string;
  /** The PDF page, in millimetres (width, height). */
  paperMm: readonly [number, number];
}

export const PRINT_SIZES: Readonly<Record<PrintSize, PrintSizeInfo>> = {
  a4: { fileLabel: 'A4', label: 'A4 纵向', paperMm: [210, 297] },
  a3: { fileLabel: 'A3', label: 'A3 纵向，适合宣传栏', paperMm: [297, 420] },
  a5x2: {
    fileLabel: 'A5-每张A4两份',
    label: 'A5 口袋卡，一张 A4 纸印两份，沿裁切线剪开',
    paperMm: [297, 210],
  },
};

/** Which sizes a poster is printed in: every poster A4; 宣传资料 also A3; the 明白卡 also as A5 cards. */
export function printSizesFor(
  kind: 'law' | 'qa' | 'materials',
  materialKind?: string,
): PrintSize[] {
  if (kind !== 'materials') return ['a4'];
  return materialKind === '明白卡' ? ['a4', 'a3', 'a5x2'] : ['a4', 'a3'];
}

/** The folder of print files below the site root. */
export const PRINT_DIR = '/print/';

/** /posters/materials/mingbaika/ + a5x2 → /print/materials-mingbaika-a5x2.pdf */
export function printFileUrl(posterPath: string, size: PrintSize): string {
  const m = /^\/posters\/(.+)\/$/.exec(posterPath);
  if (!m) throw new Error(`not a poster path: ${posterPath}`);
  return `${PRINT_DIR}${m[1]!.replace(/\//g, '-').toLowerCase()}-${size}.pdf`;
}

/** Characters Windows and some extractors refuse in file names (control characters included). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\s\u0000-\u001f]+/g;

/** A title as a file name: without the characters file systems refuse. */
export function safeFileName(title: string): string {
  return title.replace(UNSAFE, '').trim();
}

/** The readable part of a 宣传资料's file name: its title, without the law's name when something is left (明白卡). */
export function materialBaseName(title: string): string {
  const t = safeFileName(title);
  return t.replace(/^反有组织犯罪法/, '') || t;
}

/** 明白卡 + a5x2 → 明白卡-A5-每张A4两份.pdf */
export function printFileName(baseName: string, size: PrintSize): string {
  return `${baseName}-${PRINT_SIZES[size].fileLabel}.pdf`;
}

/** One rendered file, as the print manifest lists it. */
export interface PrintFile {
  /** The poster page it was printed from (site path). */
  poster: string;
  size: PrintSize;
  /** Site path of the file: /print/law-61-a4.pdf. */
  url: string;
  /** Readable file name: 第六十一条-A4.pdf. */
  name: string;
  bytes: number;
}

/** The campaign pack: every 宣传资料 in every size, with a plain-text list. */
export const PACK_URL = `${PRINT_DIR}materials-pack.zip`;
export const PACK_NAME = '反有组织犯罪法宣传资料-全套.zip';
export const PACK_LIST_NAME = '清单.txt';

/** What build:print writes to the cache folder and the next build reads (print.json). */
export interface PrintManifest {
  files: PrintFile[];
  pack: { url: string; name: string; bytes: number; entries: string[] };
}
export const PRINT_MANIFEST_FILE = 'print.json';
/** Where `npm run build:print` renders the files before the second build copies them into dist/print/. */
export const PRINT_CACHE_DIR = '.astro/print';

/** The plain-text list inside the campaign pack: one line per file, with its paper size. */
export function packList(files: readonly PrintFile[], org: string): string {
  const lines = [
    '反有组织犯罪法宣传资料（全套打印文件）',
    `主办单位：${org || '（未设置）'}`,
    '',
    '文件清单：',
    ...files.map((f) => `${f.name}\t${PRINT_SIZES[f.size].label}`),
    '',
    '打印时请选“实际大小”或缩放 100%，不要选“适合页面”。',
    '',
  ];
  return lines.join('\r\n');
}

/** Reads the file names back from a pack list (the lines between 文件清单： and the blank line). */
export function packListNames(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf('文件清单：');
  if (start === -1) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim()) break;
    out.push(line.split('\t')[0]!);
  }
  return out;
}
