import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** File access for the editor's write API, confined to content/ and public/images/. */

const WRITABLE = ['content/', 'public/images/'];

export function safePath(root: string, path: string): string {
  const clean = String(path).replace(/\\/g, '/').replace(/^\/+/, '');
  const abs = resolve(root, clean);
  const rel = relative(root, abs).split(sep).join('/');
  if (
    isAbsolute(rel) ||
    rel.startsWith('..') ||
    !WRITABLE.some((w) => `${rel}/`.startsWith(w)) ||
    `${rel}/`.startsWith('content/law/')
  ) {
    throw new Error(`不能读写这个位置：${path}`);
  }
  return abs;
}

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
export const toPosix = (p: string) => p.split(sep).join('/');

export function readEntry(
  root: string,
  path: string,
): { data: string | null; file: { path: string; id: string | null } } {
  try {
    const buf = readFileSync(safePath(root, path));
    return { data: buf.toString('utf8'), file: { path, id: sha(buf) } };
  } catch {
    return { data: null, file: { path, id: null } };
  }
}

export function listFolder(root: string, folder: string, extension: string): string[] {
  const abs = safePath(root, folder.endsWith('/') ? folder : `${folder}/`);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter(
      (f) =>
        f.endsWith(`.${extension}`) &&
        !f.startsWith('_') &&
        !f.startsWith('.') &&
        statSync(join(abs, f)).isFile(),
    )
    .sort()
    .map((f) => `${folder.replace(/\/$/, '')}/${f}`);
}

export function writeSafe(root: string, path: string, data: Buffer | string): void {
  const abs = safePath(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, data);
}
