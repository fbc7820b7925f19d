import { mkdirSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/**
 * Puts the compiled MDX content (every Q&A, case, material…) of the prerender build into
 * a few chunks of about `maxSize` bytes instead of one chunk per file.
 *
 * Why: Rolldown makes each entry, loaded on demand by `render(entry)`, a chunk of its own.
 * At 2,000 Q&A that is 2,000 files to emit and write, then 2,000 modules for Node to
 * resolve, compile and link one by one while the pages render. Grouping them cut the
 * bundle from about 12 to 7.5 s and the whole build's CPU time by about a quarter, with
 * every file of dist/ byte-identical (`npm run bench:scale`, and `diff -r` of two builds).
 *
 * Only the MDX modules themselves are grouped: the components they use stay in their
 * shared chunks (`includeDependenciesRecursively: false`). Rolldown accepts that only when
 * entry chunks may gain exports (`preserveEntrySignatures: 'allow-extension'`), which is
 * harmless here: the prerender chunks are run once by Astro and deleted after the build.
 * The client build, the one readers download, is not touched.
 *
 * After each build, CONTENT_CHUNKS_FILE in Astro's cache folder says how many MDX modules
 * went into how many chunks (the build test and `npm run bench:scale` read it).
 */
export const CONTENT_CHUNKS_FILE = 'content-chunks.json';

export interface ContentChunks {
  /** MDX modules in the prerender bundle. */
  modules: number;
  /** For each chunk holding MDX modules, how many it holds. */
  chunks: number[];
}

const isMdx = (id: string) => /\.mdx$/.test(id);

export function contentChunksPlugin(
  report: (r: ContentChunks) => void,
  { maxSize = 400_000 } = {},
): Plugin {
  return {
    name: 'aocl:content-chunks',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    options(options) {
      return { ...options, preserveEntrySignatures: 'allow-extension' };
    },
    outputOptions(output) {
      return {
        ...output,
        codeSplitting: {
          groups: [
            { name: 'content', test: isMdx, includeDependenciesRecursively: false, maxSize },
          ],
        },
      };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .map((c) => (c.type === 'chunk' ? c.moduleIds.filter(isMdx).length : 0))
        .filter((n) => n > 0)
        .sort((a, b) => b - a);
      report({ modules: chunks.reduce((a, b) => a + b, 0), chunks });
    },
  };
}

export function contentChunksIntegration(): AstroIntegration {
  let cacheDir: URL;
  let last: ContentChunks | undefined;
  return {
    name: 'aocl:content-chunks',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        cacheDir = config.cacheDir;
        updateConfig({ vite: { plugins: [contentChunksPlugin((r) => (last = r))] } });
      },
      'astro:build:done': ({ logger }) => {
        if (!last) return;
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(new URL(CONTENT_CHUNKS_FILE, cacheDir), JSON.stringify(last) + '\n');
        logger.info(
          `${last.modules} MDX content files compiled into ${last.chunks.length} chunk(s) (largest: ${last.chunks[0] ?? 0} files)`,
        );
      },
    },
  };
}
