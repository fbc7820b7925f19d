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

/** A path inside the content folder: contentPath('law') → "content/law". */
export function contentPath(sub: string, env: Record<string, string | undefined> = process.env): string {
  return `${contentDir(env)}/${sub.replace(/^\/+/, '')}`;
}
