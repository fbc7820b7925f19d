import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below a folder, depth first in directory order, as paths joined onto
 * `dir`. The one directory walker for build code (content check, service worker) and
 * the tests. A missing folder has no files.
 */
export function walkFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walkFiles(p) : [p];
  });
}
