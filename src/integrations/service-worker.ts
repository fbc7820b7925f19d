import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import {
  isOfflinePage,
  OFFLINE_DATA_FILES,
  OFFLINE_HINTS_FILE,
  reachableAssets,
  refreshTarget,
  SHELL_FILES,
  SHELL_PAGES,
  SHORT_LINK_DIR,
  SHORT_LINKS_FILE,
  type OfflineManifest,
  type SizedUrl,
} from '../lib/offline/plan.ts';
import {
  OFFLINE_BUDGET_GZIP,
  qaLinkOrder,
  selectOfflinePages,
  type PageSelection,
} from '../lib/offline/select-pages.ts';
import type { SearchHints } from '../lib/search/hints.ts';
import { FILES, HASHED_DIR, joinBase, PAGES, withTrailingSlash } from '../lib/routes.ts';
import { indexInputOfThisBuild, writeTextIndex } from './search-text-index.ts';
import { walkFiles } from '../lib/walk.ts';

/**
 * Offline reading. After `astro build`, works out from dist/ what 离线保存 downloads
 * (pages, the hashed files they need, their sizes and fingerprints) and writes:
 *  - dist/offline.json, read by the /offline/ page to show the size before anything is downloaded;
 *  - dist/offline-links.json, the short links (/q/<code>/ → target), so a poster's QR code
 *    opens its page offline once it is saved;
 *  - dist/sw.js, the service worker (src/client/service-worker.ts bundled with esbuild,
 *    which Astro already uses), with this build's version and shell. A new build gives
 *    a new sw.js, which is how browsers notice an update.
 */

const fingerprint = (b: Buffer | string) =>
  createHash('sha256').update(b).digest('hex').slice(0, 16);

export function serviceWorkerIntegration(opts: { offlineBudget?: number } = {}): AstroIntegration {
  const budget = opts.offlineBudget ?? OFFLINE_BUDGET_GZIP;
  let base = '/';
  /**
   * The pages 离线保存 may keep and the files they use, with their sizes (gzip -9 of every
   * page). Pages no longer change once written, so this runs in astro:build:generated,
   * while pagefind builds its index in its own process, rather than after it.
   */
  const pagesOf = (out: string) => {
    const withBase = (p: string) => joinBase(base, p);
    const sized = (url: string, file: string): SizedUrl => {
      const bytes = readFileSync(file);
      return {
        u: url,
        b: bytes.length,
        z: gzipSync(bytes, { level: 9 }).length,
        h: fingerprint(bytes),
      };
    };
    const pageFile = (path: string) => join(out, path.slice(1), 'index.html');
    const hashedFile = (name: string) => join(out, HASHED_DIR, name);
    const readHashed = (name: string) =>
      existsSync(hashedFile(name)) ? readFileSync(hashedFile(name), 'utf8') : undefined;

    const pagePaths = walkFiles(out)
      .filter((f) => f.endsWith(`${sep}index.html`))
      .map(
        (f) =>
          '/' +
          relative(out, f)
            .split(sep)
            .slice(0, -1)
            .map((s) => s + '/')
            .join(''),
      )
      .filter(isOfflinePage)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const allPages = pagePaths.map((p) => sized(withBase(p), pageFile(p)));
    /** The hashed files (CSS, scripts) these pages use that the build wrote, sorted. */
    const assetsOfPages = (paths: readonly string[]) =>
      [
        ...reachableAssets(
          paths.map((p) => readFileSync(pageFile(p), 'utf8')),
          readHashed,
        ),
      ]
        .filter((n) => existsSync(hashedFile(n)))
        .sort();
    const assets = assetsOfPages(pagePaths).map((n) =>
      sized(withBase(HASHED_DIR + n), hashedFile(n)),
    );
    return { withBase, sized, pageFile, hashedFile, assetsOfPages, pagePaths, allPages, assets };
  };
  let early: { out: string; pages: ReturnType<typeof pagesOf> } | undefined;
  return {
    name: 'aocl:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:generated': ({ dir }) => {
        const out = fileURLToPath(dir);
        early = { out, pages: pagesOf(out) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const {
          withBase,
          sized,
          pageFile,
          hashedFile,
          assetsOfPages,
          pagePaths,
          allPages,
          assets,
        } = early?.out === out ? early.pages : pagesOf(out);
        early = undefined;

        // Short links: code → target (with the base), read from each redirect page.
        const linkDir = join(out, SHORT_LINK_DIR);
        const links: Record<string, string> = {};
        if (existsSync(linkDir)) {
          for (const code of readdirSync(linkDir).sort()) {
            const file = join(linkDir, code, 'index.html');
            const target = existsSync(file) ? refreshTarget(readFileSync(file, 'utf8')) : undefined;
            if (target) links[code] = target;
          }
        }
        writeFileSync(join(out, SHORT_LINKS_FILE.slice(1)), JSON.stringify(links));
        // What search needs offline: the hints and this build's index folder (shards and page records).
        const indexData = (hintsFile: string) => {
          const hints = JSON.parse(
            readFileSync(join(out, hintsFile.slice(1)), 'utf8'),
          ) as SearchHints;
          const files = hints.x
            ? readdirSync(join(out, hints.x.dir))
                .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
                .map((n) => `/${hints.x!.dir}/${n}`)
            : [];
          return files.map((p) => sized(withBase(p), join(out, p.slice(1))));
        };
        const linksFile = sized(withBase(SHORT_LINKS_FILE), join(out, SHORT_LINKS_FILE.slice(1)));
        const fullSearch = [
          ...OFFLINE_DATA_FILES.map((p) => sized(withBase(p), join(out, p.slice(1)))),
          ...indexData(OFFLINE_DATA_FILES[0]),
        ];
        const gz = (xs: readonly SizedUrl[]) => xs.reduce((n, x) => n + x.z, 0);
        // Too much for a phone? Then the law, 我要举报 and the first Q&A of /qa/ only, and a
        // search index of those pages (src/lib/offline/select-pages.ts).
        const qaList = pageFile(PAGES.qa);
        const qaOrder = existsSync(qaList) ? qaLinkOrder(readFileSync(qaList, 'utf8'), base) : [];
        const input = indexInputOfThisBuild();
        let selection: PageSelection;
        let pages: SizedUrl[];
        let search = fullSearch;
        // The index of part of the site costs more per page than the whole site's, which the
        // selection's estimate uses: when the saved set comes out over the budget, select
        // again with the budget lowered by twice the excess (four times at most).
        for (let target = budget, attempt = 0; ; attempt++) {
          selection = selectOfflinePages(
            pagePaths.map((path, i) => ({ path, z: allPages[i]!.z })),
            qaOrder,
            { fixed: gz(assets) + linksFile.z, search: gz(fullSearch) },
            target,
          );
          const keptPaths = new Set(selection.kept);
          pages = allPages.filter((_, i) => keptPaths.has(pagePaths[i]!));
          if (!selection.partial) break;
          if (!input)
            throw new Error(
              'service worker: 离线保存 keeps some pages, but no search index input was kept (is the pagefind integration listed first?)',
            );
          const part = writeTextIndex(out, input.pages, input.synonyms, {
            hints: input.hints,
            only: keptPaths,
            hintsFile: OFFLINE_HINTS_FILE.slice(1),
          });
          search = [
            {
              ...sized(withBase(OFFLINE_HINTS_FILE), join(out, OFFLINE_HINTS_FILE.slice(1))),
              k: withBase(OFFLINE_DATA_FILES[0]),
            },
            ...indexData(OFFLINE_HINTS_FILE),
          ];
          const total = gz(pages) + gz(assets) + linksFile.z + gz(search);
          if (total <= budget || attempt === 4) break;
          rmSync(join(out, part.dir), { recursive: true, force: true });
          // Twice the excess: the saved set's index shrinks less than its share of pages.
          target -= 2 * (total - budget);
        }
        const data = [search[0]!, linksFile, ...search.slice(1)];
        const all = [...pages, ...assets, ...data];

        for (const p of SHELL_PAGES)
          if (!existsSync(pageFile(p)))
            throw new Error(`service worker: the shell page ${p} was not built`);
        const shellAssetNames = assetsOfPages(SHELL_PAGES);
        const shellAssets = shellAssetNames.map((n) => withBase(HASHED_DIR + n));
        const shell = [...SHELL_PAGES, ...SHELL_FILES].map(withBase);

        const bundled = await build({
          entryPoints: [fileURLToPath(new URL('../client/service-worker.ts', import.meta.url))],
          bundle: true,
          write: false,
          format: 'iife',
          target: 'es2022',
          minify: true,
          legalComments: 'none',
          define: { SW_CONFIG: '__SW_CONFIG__' },
        });
        const code = bundled.outputFiles[0]!.text;
        const shellFiles = [
          ...SHELL_PAGES.map(pageFile),
          ...SHELL_FILES.map((f) => join(out, f.slice(1))),
          ...shellAssetNames.map(hashedFile),
        ];
        // Changes whenever the worker, the shell or any page 离线保存 offers changes.
        const version = fingerprint(
          [
            code,
            ...shellFiles.map((f) => fingerprint(readFileSync(f))),
            ...all.map((x) => x.u + x.h),
          ].join('\n'),
        );
        const config = { version, base, shell, shellAssets };
        writeFileSync(
          join(out, FILES.serviceWorker),
          `const __SW_CONFIG__=${JSON.stringify(config)};\n${code}`,
        );

        const manifest: OfflineManifest = {
          version,
          pages,
          assets,
          data,
          ...(selection.partial
            ? {
                partial: {
                  saved: pages.filter((p) => /\/qa\/[^/]+\/$/.test(p.u)).length,
                  qa: allPages.filter((p) => /\/qa\/[^/]+\/$/.test(p.u)).length,
                },
              }
            : {}),
          total: {
            bytes: all.reduce((n, x) => n + x.b, 0),
            gzip: all.reduce((n, x) => n + x.z, 0),
          },
        };
        writeFileSync(join(out, FILES.offlineManifest), JSON.stringify(manifest));
        const kb = (n: number) => `${Math.round(n / 1000)} kB`;
        const searchGzip = data.reduce((n, x) => n + x.z, 0);
        if (selection.partial)
          logger.info(
            `离线保存 keeps ${pages.length} of ${allPages.length} pages (${manifest.partial!.saved} of ${manifest.partial!.qa} Q&A): saving all would be ${kb(gz(allPages) + gz(assets) + linksFile.z + gz(fullSearch))} gzip, over the ${kb(budget)} budget (offlineBudgetMB in site.yaml)`,
          );
        logger.info(
          `sw.js ${version}: 离线保存 ${pages.length} pages + ${assets.length} files + ${data.length} data files (search and short links ${kb(searchGzip)} gzip), ${kb(manifest.total.gzip)} gzip (${kb(manifest.total.bytes)} raw)`,
        );
      },
    },
  };
}
