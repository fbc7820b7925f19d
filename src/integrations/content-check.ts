import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContentFiles } from '../lib/content/check-files.ts';
import { contentRoot } from '../lib/content/dir.ts';
import { formatProblem } from '../lib/errors/error-map.ts';

/**
 * Runs the same checks as `npm run check:content` before Astro reads any content,
 * so a build fails with the editor-facing Chinese messages (file, line or field,
 * what to write), all at once, and exits non-zero: the list is the last thing printed,
 * with no stack trace after it. In `astro dev` problems are printed and the preview
 * keeps running (the MDX gate still stops a page with code in it from compiling).
 */
export function contentCheckIntegration(): AstroIntegration {
  return {
    name: 'aocl:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // checkContentFiles reads <root>/content/ (and <root>/public/ for images); with
        // CONTENT_DIR (the scale benchmark) that root is elsewhere.
        const { problems, warnings } = checkContentFiles(contentRoot(fileURLToPath(config.root)));
        for (const w of warnings) logger.warn(formatProblem(w));
        if (problems.length === 0) return;
        const text = [
          `发现 ${problems.length} 个内容问题，请逐条修改：`,
          ...problems.map((p) => `  ✗ ${formatProblem(p)}`),
        ].join('\n');
        if (command === 'dev') {
          logger.error(text);
          return;
        }
        console.error('\n' + text + '\n');
        process.exit(1);
      },
    },
  };
}
