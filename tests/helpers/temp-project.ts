import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A throwaway copy of the project (sources and content, node_modules linked) for
 * tests that must change content and run a real build.
 */
export interface TempProject {
  dir: string;
  build(env?: Record<string, string>): { status: number | null; output: string };
  remove(): void;
}

/**
 * The environment without vitest's own variables (NODE_ENV=test, VITEST…), which change how
 * Astro runs. Vitest also exports Vite's env (BASE_URL=/, DEV, PROD, SSR): a child build would
 * take BASE_URL=/ over its own base path.
 */
const VITE_ENV = new Set(['TEST', 'NODE_ENV', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || VITE_ENV.has(k)) delete env[k];
  return env;
}

export function tempProject(): TempProject {
  const root = resolve('.');
  const dir = mkdtempSync(join(tmpdir(), 'aocl-build-'));
  for (const p of [
    'src',
    'content',
    'public',
    'scripts',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
  ]) {
    cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    build(env = {}) {
      const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...cleanEnv(),
          PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          ...env,
        },
        timeout: 240_000,
      });
      return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
