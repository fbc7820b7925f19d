import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchHints } from '../lib/search/hints.ts';
import { FILES, SEARCH_INDEX_DIR } from '../lib/routes.ts';
import { buildTextIndex, TEXT_INDEX_VERSION, type TextIndexManifest } from '../lib/search/text-index.ts';

/** A page as pagefind extracted it: its URL path and the text of its data-pagefind-body. */
export interface ExtractedPage {
  url: string;
  text: string;
}

const SIGNATURE = 'pagefind_dcd';

/**
 * Reads pagefind's fragment files (gzip of "pagefind_dcd" + JSON) from `index.getFiles()`.
 * Pagefind separates the words it segmented with U+200B; those are removed again.
 */
export function pagesFromFragments(files: ReadonlyArray<{ path: string; content: Uint8Array }>): ExtractedPage[] {
  return files
    .filter((f) => f.path.endsWith('.pf_fragment'))
    .map((f) => {
      const raw = gunzipSync(f.content).toString('utf8');
      if (!raw.startsWith(SIGNATURE)) throw new Error(`pagefind fragment ${f.path} has an unknown format (pagefind was updated?)`);
      const data = JSON.parse(raw.slice(SIGNATURE.length)) as { url?: unknown; content?: unknown };
      if (typeof data.url !== 'string' || typeof data.content !== 'string') throw new Error(`pagefind fragment ${f.path} has no url or content`);
      return { url: data.url, text: data.content.replace(/\u200b/g, '') };
    });
}

/**
 * Writes the first-stage text index (src/lib/search/text-index.ts) into dist/ and records
 * where it is in dist/search-hints.json, which the search page loads first anyway.
 * Postings refer to pages by their position in the hints, so every indexed page must be
 * in the hints: a page that is not fails the build instead of being unsearchable.
 */
export function writeTextIndex(outDir: string, pages: readonly ExtractedPage[]): { shards: number; dir: string; pages: number } {
  const hintsFile = join(outDir, FILES.searchHints);
  const hints = JSON.parse(readFileSync(hintsFile, 'utf8')) as SearchHints;
  const ids = new Map(hints.pages.map((p, i) => [p.u, i]));
  const missing: string[] = [];
  // Pagefind's URLs are paths inside dist/, without the site's base path, like the hints.
  const docs = pages.map((p) => {
    const id = ids.get(p.url);
    if (id === undefined) missing.push(p.url);
    return { id: id ?? -1, text: p.text };
  });
  if (missing.length) {
    throw new Error(
      `search: ${missing.length} indexed page(s) are missing from search-hints.json (src/data/search-hints.ts), so search could not name them: ${missing.join(', ')}`,
    );
  }
  const shards = buildTextIndex(docs).map((s) => JSON.stringify(s));
  const hash = createHash('sha256');
  for (const s of shards) hash.update(s).update('\0');
  // A new folder whenever the content changes, so the shards can be cached as immutable.
  const dir = `${SEARCH_INDEX_DIR}${hash.digest('hex').slice(0, 10)}`;
  mkdirSync(join(outDir, dir), { recursive: true });
  shards.forEach((s, i) => writeFileSync(join(outDir, dir, `${i}.json`), s));
  const manifest: TextIndexManifest = { v: TEXT_INDEX_VERSION, s: shards.length, dir };
  writeFileSync(hintsFile, JSON.stringify({ ...hints, x: manifest }));
  return { shards: shards.length, dir, pages: docs.length };
}
