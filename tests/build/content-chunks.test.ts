import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_CHUNKS_FILE, type ContentChunks } from '../../src/integrations/content-chunks.ts';

/** Every .mdx file below `dir`. */
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => join(e.parentPath, e.name));
}

// src/integrations/content-chunks.ts: the last build's MDX content went into a few shared
// chunks, not one chunk per file (which made large sites slow to bundle and to render).
describe('MDX content chunks of the prerender build', () => {
  const file = `.astro/${CONTENT_CHUNKS_FILE}`;

  it('every MDX file of content/ was compiled, into far fewer chunks than files', () => {
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
    // Written at the end of the build that made dist/, not left over from an older one.
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(statSync('dist/index.html').mtimeMs);
    const r = JSON.parse(readFileSync(file, 'utf8')) as ContentChunks;
    expect(r.modules).toBe(mdxFiles('content').length);
    expect(r.chunks.reduce((a, b) => a + b, 0)).toBe(r.modules);
    expect(r.chunks.length).toBeGreaterThan(0);
    expect(r.chunks.length).toBeLessThanOrEqual(Math.ceil(r.modules / 10));
  });
});
