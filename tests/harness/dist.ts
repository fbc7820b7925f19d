import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Helpers for tests over the built site in dist/. */

export const DIST = 'dist';

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

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
