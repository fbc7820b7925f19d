import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * Shared by the benchmarks in scripts/. Benchmarks print figures; they assert nothing and
 * are not part of `npm test`.
 */

// Child processes (astro build, astro preview) must run on the same Node 24 as this script.
process.env.PATH = dirname(process.execPath) + delimiter + (process.env.PATH ?? '');

export const ROOT = process.cwd();

export interface RunResult {
  ms: number;
  code: number;
  output: string;
}

/** Runs a command, capturing its output; resolves with the exit code and the wall time. */
export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
      cwd,
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - started,
        code: code ?? 1,
        output: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}

/** `astro build` of the working tree into dist/, unless the command line says --no-build. */
export async function buildUnlessSkipped(): Promise<void> {
  if (process.argv.includes('--no-build')) {
    if (!existsSync('dist/index.html'))
      throw new Error('--no-build: dist/ has no built site; run npm run build first');
    console.log('Using the existing dist/ (--no-build).');
    return;
  }
  console.log('Building the site (npm run build) …');
  const r = await run('node_modules/.bin/astro', ['build']);
  if (r.code !== 0) {
    console.error(r.output);
    throw new Error(`astro build failed with exit code ${r.code}`);
  }
  console.log(`Built in ${(r.ms / 1000).toFixed(1)} s.`);
}

/** The pages the weight and Lighthouse benchmarks load: the list, where they exist in dist/. */
export function benchPages(dist = 'dist'): { pages: string[]; notes: string[] } {
  const pages = ['/', '/law/61/'];
  const notes: string[] = [];
  const qaDir = join(dist, 'qa');
  const qa = existsSync(qaDir)
    ? readdirSync(qaDir)
        .filter((d) => existsSync(join(qaDir, d, 'index.html')))
        .sort()
    : [];
  if (qa.length) pages.push(`/qa/${qa[0]}/`);
  else notes.push('No Q&A page in dist/ (no /qa/<slug>/ yet): skipped.');
  if (existsSync(join(dist, 'report', 'index.html'))) pages.push('/report/');
  else notes.push('No /report/ page in dist/ yet: skipped.');
  pages.push(`/search/?q=${encodeURIComponent('举报')}`);
  return { pages, notes };
}

/** Total bytes and file count of a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const st = statSync(join(dir, name));
    if (st.isFile()) {
      bytes += st.size;
      files++;
    }
  }
  return { bytes, files };
}

/** One line about the machine, since timings depend on it and on what else runs. */
export function machineLine(): string {
  const [l1, l5] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${l1!.toFixed(2)} (1 min) ${l5!.toFixed(2)} (5 min), Node ${process.version}`;
}

export const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
export const MB = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
export const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
