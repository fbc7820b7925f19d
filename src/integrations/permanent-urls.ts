import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  isPrintFilePath,
  MANIFEST_FILE,
  pagePathsFromFiles,
  parseManifest,
  printFilePathsFromFiles,
  unresolvedPaths,
} from '../lib/permalinks/manifest.ts';
import { REDIRECTS_FILE, type Redirect } from '../lib/permalinks/redirects.ts';
import { stripBase, withTrailingSlash } from '../lib/routes.ts';

/**
 * Permanent URLs. Exposes the declared redirects to pages as `virtual:aocl/redirects`
 * (src/pages/[...moved].astro turns each into a static page), and after the build checks:
 * - every path in the URL manifest still resolves to a page or a declared redirect;
 * - every declared redirect leads to a real page, and its old path has no page of its own.
 * A failure names each path and says what to do. Built pages missing from the manifest
 * only give a warning: `npm run urls:add` lists them.
 * Print files (/print/….pdf) exist only in print builds (`printBuild`, npm run build:print):
 * a plain build skips them and says how many it skipped.
 */
export function permanentUrlsIntegration(
  redirects: readonly Redirect[],
  opts: { manifestFile?: string; printBuild?: boolean } = {},
): AstroIntegration {
  const manifestFile = opts.manifestFile ?? MANIFEST_FILE;
  const id = 'virtual:aocl/redirects';
  const resolved = '\0' + id;
  let base = '/';
  return {
    name: 'aocl:permanent-urls',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aocl:redirects',
                resolveId: (source: string) => (source === id ? resolved : undefined),
                load: (source: string) =>
                  source === resolved ? `export default ${JSON.stringify(redirects)};` : undefined,
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const file = (p: string) => join(outDir, p, 'index.html');
        const exists = (p: string) =>
          isPrintFilePath(p)
            ? !opts.printBuild || existsSync(join(outDir, p))
            : existsSync(file(p));
        /** The site path a built page sends the reader on to, if it is a redirect page. */
        const refreshTarget = (p: string): string | undefined => {
          const m = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(
            readFileSync(file(p), 'utf8'),
          );
          if (!m) return undefined;
          const url = m[1]!.replace(/&amp;/g, '&');
          return stripBase(base, url);
        };

        let manifestText: string;
        try {
          manifestText = readFileSync(manifestFile, 'utf8');
        } catch {
          throw new Error(
            `找不到网址清单 ${manifestFile}。请从仓库中恢复它；新建站点可以运行 npm run urls:add 生成。`,
          );
        }
        const listed = parseManifest(manifestText, manifestFile);

        const problems: string[] = [];
        for (const p of unresolvedPaths(listed, exists)) {
          problems.push(
            `${p} 在网址清单 ${manifestFile} 里，但这次构建没有这个页面。印出去的二维码和别人转发的链接可能指向它：请恢复这个页面，或者在 ${REDIRECTS_FILE} 里加一条跳转（from: ${p}，to: 新网址）。`,
          );
        }
        for (const r of redirects) {
          if (!exists(r.to) || refreshTarget(r.to) !== undefined) {
            problems.push(
              `${REDIRECTS_FILE} 里 ${r.from} 跳转到的 ${r.to} 不是本站的页面；请写一个存在的网址。`,
            );
          }
          if (exists(r.from) && refreshTarget(r.from) !== r.to) {
            problems.push(
              `${REDIRECTS_FILE} 里的原网址 ${r.from} 现在有自己的页面，不需要跳转；请删掉这一条。`,
            );
          }
        }
        if (problems.length) {
          // The Chinese list is the last thing printed, without a stack trace after it.
          console.error(
            '\n' + ['永久网址检查没有通过：', ...problems.map((p) => '  - ' + p)].join('\n') + '\n',
          );
          process.exit(1);
        }

        const outFiles = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
        const built = [...pagePathsFromFiles(outFiles), ...printFilePathsFromFiles(outFiles)];
        const known = new Set(listed);
        const unlisted = built.filter((p) => !known.has(p));
        if (unlisted.length) {
          const shown =
            unlisted.slice(0, 10).join('、') +
            (unlisted.length > 10 ? ` 等 ${unlisted.length} 个` : '');
          logger.warn(
            `${unlisted.length} 个新网址还没有记入 ${manifestFile}：${shown}。发布前运行 npm run urls:add 并提交。`,
          );
        }
        const printListed = listed.filter(isPrintFilePath).length;
        const skipped =
          opts.printBuild || printListed === 0
            ? ''
            : `（其中 ${printListed} 个打印文件网址只在 npm run build:print 时检查）`;
        logger.info(
          `${listed.length} 个永久网址都能打开${skipped}，${redirects.length} 条跳转都有效`,
        );
      },
    },
  };
}
