import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { walkFiles } from '../../src/lib/walk.ts';

/** Helpers for tests over the built site in dist/. */

export const DIST = 'dist';

/** Every file below a folder (the build's walker, src/lib/walk.ts). */
export const walk = walkFiles;

/** All HTML files, as site paths: dist/law/61/index.html → /law/61/. */
export function htmlPages(): Array<{ file: string; path: string }> {
  return walk(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const rel = relative(DIST, file).split(sep).join('/');
      const path = '/' + rel.replace(/index\.html$/, '');
      return { file, path };
    });
}

const cache = new Map<string, HTMLElement>();
export function page(path: string): HTMLElement {
  const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
  let doc = cache.get(file);
  if (!doc) {
    doc = parse(readFileSync(file, 'utf8'));
    cache.set(file, doc);
  }
  return doc;
}

export function exists(path: string): boolean {
  try {
    statSync(join(DIST, path));
    return true;
  } catch {
    return false;
  }
}
