/**
 * npm run urls:add — adds the pages of the last build (dist/) that are not yet in the
 * URL manifest, keeping every line already there. Run by `npm run urls:add` after a build.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { addToManifest, MANIFEST_FILE, MANIFEST_HEADER, pagePathsFromFiles, printFilePathsFromFiles } from '../src/lib/permalinks/manifest.ts';

const DIST = 'dist';
if (!existsSync(DIST)) {
  console.error('没有找到构建结果 dist/。请先运行 npm run build。');
  process.exit(1);
}
// Print files (/print/…) are found only after a print build (npm run build:print).
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
const found = [...pagePathsFromFiles(files), ...printFilePathsFromFiles(files)];
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
