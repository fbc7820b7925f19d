import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Starts `astro preview` on the built dist/ in the background and stops it again.
 * Used by the browser tests; `npm start` itself is never run in CI because it never exits.
 */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface, so parallel test runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `args` and `env` are passed on to `astro preview` (the scale benchmark previews its own build with them). */
export async function startPreview(
  port?: number,
  opts: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['preview', '--port', String(port), '--host', '127.0.0.1', ...(opts.args ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, ...opts.env, FORCE_COLOR: '0' },
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro preview exited early:\n${output}`);
    try {
      const res = await fetch(url + '/');
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGTERM');
      throw new Error(`astro preview did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
