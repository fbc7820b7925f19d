import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentPath } from '../lib/content/dir.ts';
import { orderedFeed, PAGEFIND_FEED, type PagefindFeed } from './pagefind-feed.ts';
import { searchableFirst } from './searchable-first.ts';
import { isUnlistedPath } from '../lib/permalinks/unlisted.ts';
import { SYNONYMS_FILE } from '../lib/content/search-synonyms.ts';
import { FILES, PAGEFIND_DIR } from '../lib/routes.ts';
import type { SearchHints } from '../lib/search/hints.ts';
import {
  indexedGlob,
  pagesFromFragments,
  rememberIndexInput,
  writeTextIndex,
} from './search-text-index.ts';

/**
 * How long indexing took, written after every build to PAGEFIND_TIMING_FILE in Astro's cache
 * folder (cacheDir, .astro/ by default) for the scale benchmark (npm run bench:scale).
 */
export interface PagefindTiming {
  pages: number;
  /** From the moment pagefind had every searchable page (before posters and short links render) to the bundle on disk. */
  ms: number;
  /** Parsing the pages not yet parsed then: pagefind gets most of them while Astro renders. */
  addMs: number;
  /** Building the index, fragments and the search code, and writing them (the text index's time included). */
  writeMs: number;
  /** Building and writing the sharded text index (search-text-index.ts). */
  textIndexMs: number;
  /** How long astro:build:done waited for pagefind, which started when the pages were written. */
  waitedMs?: number;
}
export const PAGEFIND_TIMING_FILE = 'pagefind-timing.json';

/** Writes pagefind's bundle, as returned by getFiles(), below `folder`. */
function writeBundle(folder: string, files: ReadonlyArray<{ path: string; content: Uint8Array }>) {
  const made = new Set<string>();
  for (const f of files) {
    const path = join(folder, f.path);
    const parent = dirname(path);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(path, f.content);
  }
}

interface Indexed {
  pages: number;
  files: pagefind.IndexFile[];
  /** When the pages were all written (astro:build:generated). */
  started: number;
  /** When pagefind had parsed every page. */
  read: number;
}

const newIndex = async () => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  return index;
};

/** The file pagefind would read for a page path below the base: /qa/x/ → qa/x/index.html. */
export const sourcePathOf = (path: string): string =>
  path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);

/**
 * An index that takes pages while they are rendered (pagefind-feed.ts): each goes to
 * pagefind's process as soon as Astro has rendered it, and pagefind parses it there.
 */
class FedIndex {
  readonly index = newIndex();
  readonly added: Array<Promise<pagefind.NewFileResponse>> = [];
  /** Set once the bundle is being built: a page fed after that would be missing from it. */
  closed = false;
  /** Searchable pages rendered after the bundle was started (an error at the end of the build). */
  readonly late: string[] = [];
  readonly feed = orderedFeed((path, content) => {
    if (this.closed) this.late.push(path);
    else
      this.added.push(
        this.index.then((index) => index.addHTMLFile({ sourcePath: sourcePathOf(path), content })),
      );
  });
}

/**
 * Builds pagefind's bundle (not yet written) from the pages fed while rendering. With no
 * page fed, the folders of the pages search lists are read from disk instead (indexedGlob):
 * posters and short links are never read.
 */
async function indexSite(outDir: string, fed: FedIndex | undefined): Promise<Indexed> {
  const started = performance.now();
  if (fed) fed.closed = true;
  const index = await (fed?.index ?? newIndex());
  try {
    let pages: number;
    if (fed?.feed.undelivered)
      throw new Error(`pagefind: ${fed.feed.undelivered} rendered page(s) never reached the index`);
    if (fed?.added.length) {
      const added = await Promise.all(fed.added);
      const errors = added.flatMap((a) => a.errors);
      if (errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
      pages = added.length;
    } else {
      const added = await index.addDirectory({ path: outDir, glob: indexedGlob(outDir) });
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
      pages = added.page_count;
    }
    const read = performance.now();
    // getFiles() builds the whole bundle; writeFiles() would build it a second time
    // (about 40 % of pagefind's time at 2,000 Q&A), so writeBundle() writes these files.
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`pagefind: ${files.errors.join('; ')}`);
    return { pages, files: files.files, started, read };
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes the built site with pagefind after `astro build`. Only elements marked
 * data-pagefind-body are indexed, so navigation, footers, the full text at /law/,
 * posters and short links stay out of the index.
 *
 * Pagefind runs in its own process. It gets each searchable page as soon as Astro has
 * rendered it (the build-only middleware pagefind-feed.ts). Astro renders the pages search
 * may list first and posters and short links last (searchable-first.ts), so pagefind
 * builds its bundle while those render, and while the sitemap, print-file and
 * permanent-URL integrations run; astro:build:done then waits for it. Nothing after
 * rendering changes what pagefind indexes.
 */
export function pagefindIntegration(): AstroIntegration {
  let cacheDir: URL;
  let outDir = '';
  let basePath = '/';
  let pending: Promise<Indexed> | undefined;
  /** The index fed during this build; checked at the end for pages that came too late. */
  let fed: FedIndex | undefined;
  const global = globalThis as { [PAGEFIND_FEED]?: PagefindFeed };
  const build = (dir: string, from: FedIndex | undefined) => {
    pending = indexSite(dir, from);
    // Awaited in astro:build:done; a build that fails before then reports its own error.
    pending.catch(() => {});
  };
  return {
    name: 'aocl:pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build')
          addMiddleware({
            entrypoint: new URL('./pagefind-feed.ts', import.meta.url),
            order: 'post',
          });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
        outDir = fileURLToPath(config.outDir);
        basePath = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const current = (fed = new FedIndex());
        global[PAGEFIND_FEED] = fed.feed;
        pending = undefined;
        setPrerenderer((astro) =>
          searchableFirst(
            astro,
            isUnlistedPath,
            () => {
              // With nothing fed, pagefind reads the files once they are written.
              if (current.added.length > 0) build(outDir, current);
            },
            basePath,
          ),
        );
      },
      'astro:build:generated': ({ dir }) => {
        delete global[PAGEFIND_FEED];
        rememberIndexInput(undefined);
        if (!pending) build(fileURLToPath(dir), fed);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const waitFrom = performance.now();
        const { pages, files, started, read } = await (pending ?? indexSite(dist, undefined));
        pending = undefined;
        const waitedMs = Math.round(performance.now() - waitFrom);
        const late = fed?.late ?? [];
        fed = undefined;
        if (late.length)
          throw new Error(
            `pagefind: ${late.length} searchable page(s) reached it after it had started building, so search would miss them: ${late.slice(0, 5).join(', ')} (see src/integrations/searchable-first.ts)`,
          );
        // The search page's first stage reads the text pagefind extracted (see search-text-index.ts).
        const synonymsFile = contentPath(SYNONYMS_FILE);
        const synonyms = existsSync(synonymsFile)
          ? { file: synonymsFile, source: readFileSync(synonymsFile, 'utf8') }
          : undefined;
        const textStarted = performance.now();
        const input = {
          hints: JSON.parse(readFileSync(join(dist, FILES.searchHints), 'utf8')) as SearchHints,
          pages: pagesFromFragments(files),
          synonyms,
        };
        const text = writeTextIndex(dist, input.pages, synonyms, { hints: input.hints });
        rememberIndexInput(input);
        const textIndexMs = Math.round(performance.now() - textStarted);
        logger.info(
          `search text index: ${text.pages} pages in ${text.shards} shards and ${text.blocks} record blocks (${text.dir}) in ${textIndexMs} ms`,
        );
        writeBundle(join(dist, PAGEFIND_DIR), files);
        const done = performance.now();
        const timing: PagefindTiming = {
          pages,
          ms: Math.round(done - started),
          addMs: Math.round(read - started),
          writeMs: Math.round(done - read),
          textIndexMs,
          waitedMs,
        };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(new URL(PAGEFIND_TIMING_FILE, cacheDir), JSON.stringify(timing) + '\n');
        logger.info(
          `pagefind indexed ${timing.pages} pages in ${timing.ms} ms (reading ${timing.addMs} ms, building and writing ${timing.writeMs} ms; the build waited ${waitedMs} ms for it)`,
        );
      },
    },
  };
}
