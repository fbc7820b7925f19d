/**
 * npm run urls:add — adds the pages of the last build (dist/) that are not yet in the
 * URL manifest, keeping every line already there. Run by `npm run urls:add` after a build.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addToManifest,
  MANIFEST_FILE,
  MANIFEST_HEADER,
  pagePathsFromFiles,
  printFilePathsFromFiles,
} from '../src/lib/permalinks/manifest.ts';
import {
  PRINT_CACHE_DIR,
  PRINT_MANIFEST_FILE,
  type PrintManifest,
} from '../src/lib/print/files.ts';

const DIST = 'dist';
if (!existsSync(DIST)) {
  console.error('没有找到构建结果 dist/。请先运行 npm run build。');
  process.exit(1);
}
// Print files (/print/…): from the last `npm run build:print`, whose list stays in the cache
// folder (this command's own build makes no PDFs).
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
const printList = join(PRINT_CACHE_DIR, PRINT_MANIFEST_FILE);
const printed = existsSync(printList)
  ? (JSON.parse(readFileSync(printList, 'utf8')) as PrintManifest)
  : undefined;
if (!printed)
  console.log(
    `没有找到打印文件清单 ${printList}：PDF 网址没有加入。要加入，先运行 npm run build:print。`,
  );
const found = [
  ...pagePathsFromFiles(files),
  ...printFilePathsFromFiles(files),
  ...(printed ? [...printed.files, printed.pack].map((f) => f.url) : []),
];
const before = existsSync(MANIFEST_FILE) ? readFileSync(MANIFEST_FILE, 'utf8') : MANIFEST_HEADER;
const { text, added } = addToManifest(before, found);
if (added.length === 0) {
  console.log(`${MANIFEST_FILE} 已经包含全部 ${found.length} 个网址，没有新增。`);
} else {
  writeFileSync(MANIFEST_FILE, text);
  console.log(`已把 ${added.length} 个新网址加入 ${MANIFEST_FILE}：`);
  for (const p of added) console.log('  ' + p);
  console.log('请检查后提交这个文件。');
}
