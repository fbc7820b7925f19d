import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBytes } from '../lib/offline/plan.ts';
import { PRINT_MANIFEST_FILE, type PrintManifest } from '../lib/print/files.ts';

/**
 * Print-ready PDFs in the build. `npm run build:print` renders the posters of a first
 * build into a folder and then builds again with AOCL_PRINT_DIR pointing at it; this
 * integration then
 *  - exposes the list of files (print.json) to pages as `virtual:aocl/print-files`, so the
 *    download blocks show them with their sizes;
 *  - copies the files into dist/print/ after the build.
 * Without AOCL_PRINT_DIR (npm run build, npm start) pages link to no PDF. Either way the build
 * says in one line whether it carries PDFs.
 */
export function readPrintManifest(printDir: string): PrintManifest {
  const file = join(printDir, PRINT_MANIFEST_FILE);
  if (!existsSync(file))
    throw new Error(
      `AOCL_PRINT_DIR=${printDir}：找不到 ${PRINT_MANIFEST_FILE}。请用 npm run build:print 生成打印文件。`,
    );
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as PrintManifest;
  for (const f of [...manifest.files, manifest.pack]) {
    const src = join(printDir, f.url);
    if (!existsSync(src) || statSync(src).size !== f.bytes) {
      throw new Error(
        `AOCL_PRINT_DIR=${printDir}：${f.url} 不存在或大小不对。请重新运行 npm run build:print。`,
      );
    }
  }
  return manifest;
}

export function printFilesIntegration(printDir: string | undefined): AstroIntegration {
  const id = 'virtual:aocl/print-files';
  const resolved = '\0' + id;
  const manifest = printDir ? readPrintManifest(printDir) : null;
  return {
    name: 'aocl:print-files',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aocl:print-files',
                resolveId: (source: string) => (source === id ? resolved : undefined),
                load: (source: string) =>
                  source === resolved ? `export default ${JSON.stringify(manifest)};` : undefined,
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!manifest || !printDir) {
          logger.info(
            'PDF：这次构建没有生成打印文件，页面上不提供 PDF 下载（要生成请运行 npm run build:print 或 npm run build:production）',
          );
          return;
        }
        const out = fileURLToPath(dir);
        let bytes = 0;
        for (const f of [...manifest.files, manifest.pack]) {
          const to = join(out, f.url);
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(join(printDir, f.url), to);
          bytes += f.bytes;
        }
        logger.info(
          `PDF：已生成 ${manifest.files.length} 个打印文件和全套压缩包，共 ${formatBytes(bytes)}，页面上提供下载`,
        );
      },
    },
  };
}
