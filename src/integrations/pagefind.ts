import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentPath } from '../lib/content/dir.ts';
import { SYNONYMS_FILE } from '../lib/content/search-synonyms.ts';
import { PAGEFIND_DIR } from '../lib/routes.ts';
import { indexedGlob, pagesFromFragments, writeTextIndex } from './search-text-index.ts';

/**
 * How long indexing took, written after every build to PAGEFIND_TIMING_FILE in Astro's cache
 * folder (cacheDir, .astro/ by default) for the scale benchmark (npm run bench:scale).
 */
export interface PagefindTiming {
  pages: number;
  ms: number;
  /** Reading and indexing the HTML files. */
  addMs: number;
  /** Writing the index, fragments and the search code (the text index's time included). */
  writeMs: number;
  /** Building and writing the sharded text index (search-text-index.ts). */
  textIndexMs: number;
}
export const PAGEFIND_TIMING_FILE = 'pagefind-timing.json';

/**
 * Indexes the built site with pagefind after `astro build`. Only elements marked
 * data-pagefind-body are indexed, so navigation, footers, the full text at /law/,
 * posters and short links stay out of the index.
 */
export function pagefindIntegration(): AstroIntegration {
  let cacheDir: URL;
  return {
    name: 'aocl:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        // Only the folders of the pages search lists: posters and short links are never read.
        const added = await index.addDirectory({ path: outDir, glob: indexedGlob(outDir) });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const read = performance.now();
        // The search page's first stage reads the text pagefind extracted (see search-text-index.ts).
        const files = await index.getFiles();
        if (files.errors.length) throw new Error(`pagefind: ${files.errors.join('; ')}`);
        const synonymsFile = contentPath(SYNONYMS_FILE);
        const synonyms = existsSync(synonymsFile)
          ? { file: synonymsFile, source: readFileSync(synonymsFile, 'utf8') }
          : undefined;
        const textStarted = performance.now();
        const text = writeTextIndex(outDir, pagesFromFragments(files.files), synonyms);
        const textIndexMs = Math.round(performance.now() - textStarted);
        logger.info(
          `search text index: ${text.pages} pages in ${text.shards} shards and ${text.blocks} record blocks (${text.dir}) in ${textIndexMs} ms`,
        );
        const written = await index.writeFiles({ outputPath: `${outDir}/${PAGEFIND_DIR}` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        const done = performance.now();
        const timing: PagefindTiming = {
          pages: added.page_count,
          ms: Math.round(done - started),
          addMs: Math.round(read - started),
          writeMs: Math.round(done - read),
          textIndexMs,
        };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(new URL(PAGEFIND_TIMING_FILE, cacheDir), JSON.stringify(timing) + '\n');
        logger.info(
          `pagefind indexed ${timing.pages} pages in ${timing.ms} ms (reading ${timing.addMs} ms, writing ${timing.writeMs} ms)`,
        );
      },
    },
  };
}
