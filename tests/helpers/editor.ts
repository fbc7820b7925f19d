import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../harness/server.ts';
import { cleanEnv } from './temp-project.ts';

/** The visual editor (`npm run edit`) started on a project folder, without browser or preview. */
export interface RunningEditor {
  url: string;
  port: number;
  /** Milliseconds from spawning node to the first answered request. */
  coldStartMs: number;
  stop(): Promise<void>;
}

export async function startEditor(dir: string): Promise<RunningEditor> {
  const port = await freePort();
  const node = resolve('node_modules/.bin/node');
  const started = performance.now();
  const child: ChildProcess = spawn(
    node,
    [join(dir, 'scripts/editor/server.ts'), '--no-open', '--no-preview', '--port', String(port)],
    {
      cwd: dir,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`editor exited: ${log}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 120_000) throw new Error(`editor did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const coldStartMs = Math.round(performance.now() - started);
  return {
    url,
    port,
    coldStartMs,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Makes the folder a Git repository with one commit, so a test can read `git diff`. */
export function gitBaseline(dir: string): (path: string) => string {
  const git = (...args: string[]) =>
    spawnSync(
      'git',
      [
        '-c',
        'user.name=test',
        '-c',
        'user.email=test@example.invalid',
        '-c',
        'core.autocrlf=false',
        ...args,
      ],
      { cwd: dir, encoding: 'utf8' },
    );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'baseline');
  return (path) => git('diff', '--unified=0', '--no-color', '--', path).stdout;
}
