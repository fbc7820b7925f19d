import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `import url from 'lazy:./read-aloud.ts'` gives the URL of that module, built as its
 * own chunk, to load later with `import(url)` when the reader asks for it.
 *
 * Why not a plain `import('./read-aloud.ts')`: Vite wraps every literal dynamic import
 * in its preload helper, a separate ~0.9 kB gzip chunk that every page would then load
 * before the reader interacts (the budget for all of it is 1.5 kB). A dynamic import of
 * a variable is left alone, and the module is emitted here as a chunk of its own, so
 * nothing extra loads up front. Shared code stays in shared chunks.
 */
const PREFIX = 'lazy:';

export function lazyChunksPlugin(): Plugin {
  let base = '/';
  let root = process.cwd();
  let serve = false;
  return {
    name: 'aocl:lazy-chunks',
    configResolved(c) {
      base = c.base;
      root = c.root;
      serve = c.command === 'serve';
    },
    // Hook filters: Rolldown calls these for lazy: modules only, not for every module of
    // the build (thousands of MDX files at scale).
    resolveId: {
      filter: { id: /^lazy:/ },
      async handler(id, importer) {
        if (!id.startsWith(PREFIX)) return undefined;
        const target = await this.resolve(id.slice(PREFIX.length), importer, { skipSelf: true });
        if (!target) throw new Error(`${id}: module not found (imported by ${importer})`);
        return '\0' + PREFIX + target.id;
      },
    },
    load: {
      filter: { id: /^\0lazy:/ },
      handler(id) {
        if (!id.startsWith('\0' + PREFIX)) return undefined;
        const file = id.slice(1 + PREFIX.length);
        // astro dev serves source modules by path below the root.
        if (serve)
          return `export default ${JSON.stringify(base + relative(root, file).split('\\').join('/'))};`;
        const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
        const ref = this.emitFile({
          type: 'chunk',
          id: resolve(file),
          name,
          preserveSignature: 'exports-only',
        });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      },
    },
  };
}
