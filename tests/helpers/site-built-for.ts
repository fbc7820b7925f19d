import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { cleanEnv } from './temp-project.ts';

/**
 * The site built for another address (baseUrl), once, for every test that needs that build:
 * the sub-path tests behind nginx and offline reading under /pufa/ both need the site under
 * /pufa/. Test files run in separate workers, so the build is kept on disk, in the system's
 * temp folder, under a name made of the address and a hash of everything the build reads
 * (src/, content/, public/ and the config and lock files). Any change to those builds
 * afresh, so a stale build is never used; older builds for the same address are removed.
 */
const INPUTS = [
  'src',
  'content',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function files(p: string): string[] {
  return statSync(p).isDirectory()
    ? readdirSync(p)
        .sort()
        .flatMap((n) => files(join(p, n)))
    : [p];
}

function inputsHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files))
    h.update(f).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Returns the built dist/ folder for `baseUrl` (and other site.yaml `settings`), building it first when needed. */
export async function siteBuiltFor(
  baseUrl: string,
  settings: Record<string, unknown> = {},
): Promise<string> {
  const extra = Object.entries(settings)
    .map(([k, v]) => `${k}-${String(v)}`)
    .join('-');
  // Settings first, so that no build's name starts with another build's prefix.
  const prefix = `aocl-built-${((extra ? extra + '--' : '') + baseUrl).replace(/[^a-z0-9]+/gi, '-')}-`;
  const dir = join(tmpdir(), prefix + inputsHash());
  const dist = join(dir, 'dist');
  if (existsSync(join(dir, 'complete'))) return dist;

  const work = `${dir}.${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const doc = parseDocument(readFileSync('content/site.yaml', 'utf8'));
  doc.set('baseUrl', baseUrl);
  for (const [k, v] of Object.entries(settings)) doc.set(k, v);
  writeFileSync(join(work, 'site.yaml'), String(doc));
  await promisify(execFile)(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'dist')],
    {
      env: { ...cleanEnv(), SITE_CONFIG: join(work, 'site.yaml'), FORCE_COLOR: '0' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  writeFileSync(join(work, 'complete'), new Date().toISOString() + '\n');
  for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith(prefix) && !n.includes('.')))
    rmSync(join(tmpdir(), old), { recursive: true, force: true });
  renameSync(work, dir);
  return dist;
}
