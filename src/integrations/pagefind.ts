import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pagefindSummary } from '../lib/perf/build-log.ts';
import { existsSync, readFileSync } from 'node:fs';
import { contentPath } from '../lib/content/dir.ts';
import { SYNONYMS_FILE } from '../lib/content/search-synonyms.ts';
import { indexedGlob, pagesFromFragments, writeTextIndex } from './search-text-index.ts';

/**
 * Indexes the built site with pagefind after `astro build`. Only elements marked
 * data-pagefind-body are indexed, so navigation, footers, the full text at /law/,
 * posters and short links stay out of the index.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'aocl:pagefind',
    hooks: {
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
        const synonyms = existsSync(synonymsFile) ? { file: synonymsFile, source: readFileSync(synonymsFile, 'utf8') } : undefined;
        const textStarted = performance.now();
        const text = writeTextIndex(outDir, pagesFromFragments(files.files), synonyms);
        // The scale benchmark reads this line back (ms per page).
        logger.info(`search text index: ${text.pages} pages in ${text.shards} shards and ${text.blocks} record blocks (${text.dir}) in ${Math.round(performance.now() - textStarted)} ms`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        const done = performance.now();
        // The scale benchmark (npm run bench:scale) reads this line back with parseBuildLog().
        logger.info(
          pagefindSummary({
            pages: added.page_count,
            ms: Math.round(done - started),
            addMs: Math.round(read - started),
            writeMs: Math.round(done - read),
          }),
        );
      },
    },
  };
}
