/**
 * npm run build:print — the site with print-ready PDFs of every poster, card and letter.
 *
 * 1. `astro build`: the pages, without download links.
 * 2. Chromium prints every poster page of that build into .astro/print/ (scripts/lib/print-pdfs.ts),
 *    and the campaign pack is zipped; print.json lists the files with their sizes.
 * 3. `astro build` again with AOCL_PRINT_DIR=.astro/print: pages now show the downloads with
 *    their sizes, the files are copied into dist/print/, and the permanent-URL check covers them.
 * A second build is the simplest way for every page and every build step (search index,
 * sitemap, offline list, URL check) to see the same, final output; the printed sheets do
 * not change between the two builds (download blocks sit outside the sheet).
 *
 * SITE_MODE and the rest of the environment pass to both builds (build:production sets it).
 * Needs Chromium (CHROMIUM_PATH) and the font package fonts-wqy-microhei; says what is
 * missing otherwise.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadSiteConfig } from '../src/lib/config/load.ts';
import { formatBytes } from '../src/lib/offline/plan.ts';
import { PRINT_CACHE_DIR } from '../src/lib/print/files.ts';
import {
  checkChromium,
  checkPrintFont,
  listPrintJobs,
  makePack,
  PRINT_FONT,
  renderPdfs,
  writePrintManifest,
} from './lib/print-pdfs.ts';

const DIST = 'dist';
const PRINT_CACHE = PRINT_CACHE_DIR;

function astroBuild(env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function fail(e: unknown): never {
  console.error('\n' + (e instanceof Error ? e.message : String(e)) + '\n');
  process.exit(1);
}

try {
  checkPrintFont();
  checkChromium();
} catch (e) {
  fail(e);
}

const started = Date.now();
const { AOCL_PRINT_DIR: _ignored, ...env } = process.env;
console.log('== build:print 1/3：构建网站 ==');
astroBuild(env);

const builtAt = Date.now();
console.log('== build:print 2/3：用 Chromium 生成 PDF ==');
const production = process.env.SITE_MODE === 'production';
const { config } = loadSiteConfig({ production });
const base = new URL(config.baseUrl).pathname;
rmSync(PRINT_CACHE, { recursive: true, force: true });
let files;
try {
  const jobs = listPrintJobs(DIST);
  let done = 0;
  files = await renderPdfs({
    dist: DIST,
    base,
    outDir: PRINT_CACHE,
    jobs,
    onFile: () => {
      done += 1;
      if (done % 20 === 0 || done === jobs.length) console.log(`  ${done}/${jobs.length}`);
    },
  });
} catch (e) {
  fail(e);
}
const pack = makePack(
  PRINT_CACHE,
  files.filter((f) => f.poster.startsWith('/posters/materials/')),
  config.organization,
);
writePrintManifest(PRINT_CACHE, { files, pack });
const printedAt = Date.now();

console.log('== build:print 3/3：带下载链接重新构建 ==');
astroBuild({ ...env, AOCL_PRINT_DIR: PRINT_CACHE });

const total = files.reduce((n, f) => n + f.bytes, 0);
const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const s = (ms: number) => `${Math.round(ms / 1000)} 秒`;
console.log(
  [
    `PDF：${files.length} 个，共 ${formatBytes(total)}；最大的是 ${largest.name}（${formatBytes(largest.bytes)}）；全套压缩包 ${formatBytes(pack.bytes)}。`,
    `字体：${PRINT_FONT.chinese}（${PRINT_FONT.family}，${PRINT_FONT.licence}），嵌入子集。`,
    `用时：生成 PDF ${s(printedAt - builtAt)}，第二次构建 ${s(Date.now() - printedAt)}，合计 ${s(Date.now() - started)}。`,
    `文件在 ${DIST}/print/，全套压缩包：${DIST}${pack.url}`,
  ].join('\n'),
);
