import { basename, dirname, resolve } from 'node:path';

/**
 * Where the editable content lives. `content/` by default; CONTENT_DIR selects another
 * folder (the scale benchmark builds thousands of synthetic pages from a temporary one,
 * so nothing synthetic is ever written to content/).
 */
export const DEFAULT_CONTENT_DIR = 'content';

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.CONTENT_DIR?.trim();
  return (dir || DEFAULT_CONTENT_DIR).replace(/\/+$/, '');
}

/**
 * The folder that holds content/, for code that reads <root>/content/ (and <root>/public/):
 * the project root, or with CONTENT_DIR the parent of that folder, which must then be
 * called content.
 */
export function contentRoot(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  if (!env.CONTENT_DIR?.trim()) return projectRoot;
  const dir = resolve(projectRoot, contentDir(env));
  if (basename(dir) !== 'content') throw new Error(`CONTENT_DIR must name a folder called content (got ${dir})`);
  return dirname(dir);
}

/** A path inside the content folder: contentPath('law') → "content/law". */
export function contentPath(sub: string, env: Record<string, string | undefined> = process.env): string {
  return `${contentDir(env)}/${sub.replace(/^\/+/, '')}`;
}
