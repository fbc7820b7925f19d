import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentPath } from '../lib/content/dir.ts';
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
  ms: number;
  /** Reading and indexing the HTML files. */
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
  started: number;
  read: number;
}

/** Runs pagefind over the indexed folders of the built site and returns its bundle (not yet written). */
async function indexSite(outDir: string): Promise<Indexed> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Only the folders of the pages search lists: posters and short links are never read.
    const added = await index.addDirectory({ path: outDir, glob: indexedGlob(outDir) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const read = performance.now();
    // getFiles() builds the whole bundle; writeFiles() would build it a second time
    // (about 40 % of pagefind's time at 2,000 Q&A), so writeBundle() writes these files.
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`pagefind: ${files.errors.join('; ')}`);
    return { pages: added.page_count, files: files.files, started, read };
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes the built site with pagefind after `astro build`. Only elements marked
 * data-pagefind-body are indexed, so navigation, footers, the full text at /law/,
 * posters and short links stay out of the index.
 *
 * Pagefind runs in its own process. It starts as soon as the pages are written
 * (astro:build:generated), so it works while the sitemap, print-file and permanent-URL
 * integrations run their astro:build:done hooks; this hook then waits for it. Nothing
 * before this hook changes the HTML files pagefind reads.
 */
export function pagefindIntegration(): AstroIntegration {
  let cacheDir: URL;
  let pending: Promise<Indexed> | undefined;
  return {
    name: 'aocl:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:generated': ({ dir }) => {
        rememberIndexInput(undefined);
        pending = indexSite(fileURLToPath(dir));
        // Awaited in astro:build:done; a build that fails before then reports its own error.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const waitFrom = performance.now();
        const { pages, files, started, read } = await (pending ?? indexSite(outDir));
        pending = undefined;
        const waitedMs = Math.round(performance.now() - waitFrom);
        // The search page's first stage reads the text pagefind extracted (see search-text-index.ts).
        const synonymsFile = contentPath(SYNONYMS_FILE);
        const synonyms = existsSync(synonymsFile)
          ? { file: synonymsFile, source: readFileSync(synonymsFile, 'utf8') }
          : undefined;
        const textStarted = performance.now();
        const input = {
          hints: JSON.parse(readFileSync(join(outDir, FILES.searchHints), 'utf8')) as SearchHints,
          pages: pagesFromFragments(files),
          synonyms,
        };
        const text = writeTextIndex(outDir, input.pages, synonyms, { hints: input.hints });
        rememberIndexInput(input);
        const textIndexMs = Math.round(performance.now() - textStarted);
        logger.info(
          `search text index: ${text.pages} pages in ${text.shards} shards and ${text.blocks} record blocks (${text.dir}) in ${textIndexMs} ms`,
        );
        writeBundle(join(outDir, PAGEFIND_DIR), files);
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
