import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, type RunningServer } from '../harness/server.ts';

/**
 * Runs Debian's nginx with the committed configuration (deploy/nginx.conf and the
 * snippets in deploy/nginx/) on a free loopback port, in the foreground, with every
 * file it writes (pid, logs, temp files) in a temporary directory.
 *
 * The committed server block is copied with only what a deployer would change
 * substituted: the listen port, the root folder, the access log path, and, for a
 * sub-path, the lines marked "# base". The snippets are included unchanged.
 */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const DEPLOY = resolve('deploy');

export interface RunningNginx extends RunningServer {
  /** The access log so far. */
  accessLog(): string;
}

/** Sets a directive's value in every line where it is the first word. */
function setDirective(conf: string, name: string, value: string): string {
  const re = new RegExp(`^(\\s*)${name}\\s[^;]*;`, 'gm');
  if (!re.test(conf)) throw new Error(`deploy/nginx.conf: no "${name}" directive to substitute`);
  return conf.replace(re, `$1${name} ${value};`);
}

/** The committed server block, as a deployer would adapt it. */
export function adaptServerBlock(
  conf: string,
  opts: { port: number; root: string; accessLog: string; base: string },
): string {
  let out = conf.replace(/^\s*listen\s[^;]*;\n/gm, '');
  out = out.replace(/^(\s*)server_name\b/m, `$1listen 127.0.0.1:${opts.port};\n$1server_name`);
  out = setDirective(out, 'root', opts.root);
  out = out.replace(/^(\s*access_log\s+)\S+/m, `$1${opts.accessLog}`);
  if (opts.base !== '/') {
    const marked = out.match(/^.*# base$/gm) ?? [];
    if (marked.length !== 2)
      throw new Error(
        `deploy/nginx.conf: expected 2 lines marked "# base", found ${marked.length}`,
      );
    out = out.replace(/^(.*?)(\s)\/(\S*?)(\s.*# base)$/gm, `$1$2${opts.base}$3$4`);
  }
  return out;
}

/**
 * Serves the built site in `site` (a dist/ folder) at `base` ("/" or a sub-path such
 * as "/pufa/", as in the baseUrl it was built for). Under a sub-path the document
 * root is a folder holding base/, as the README tells deployers.
 */
export async function startNginx(opts: { site: string; base?: string }): Promise<RunningNginx> {
  if (!existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX}: apt-get install nginx-light (or set NGINX_PATH)`);
  const base = opts.base ?? '/';
  if (!/^\/([^/]+\/)*$/.test(base))
    throw new Error(`startNginx: base must look like "/" or "/pufa/", got "${base}"`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'aocl-nginx-'));
  let root = resolve(opts.site);
  if (base !== '/') {
    root = join(dir, 'www');
    const mount = join(root, base.slice(1, -1));
    mkdirSync(join(mount, '..'), { recursive: true });
    symlinkSync(resolve(opts.site), mount);
  }
  mkdirSync(join(dir, 'snippets'));
  symlinkSync(join(DEPLOY, 'nginx'), join(dir, 'snippets', 'aocl-pufa'));
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'error.log');
  writeFileSync(
    join(dir, 'site.conf'),
    adaptServerBlock(readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8'), {
      port,
      root,
      accessLog,
      base,
    }),
  );
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root, workers would switch to nobody, who may not be able to read the
      // checkout; this nginx listens on loopback only and lives for one test file.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      'events { worker_connections 128; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `  ${t}_temp_path ${join(dir, t)};`,
      ),
      '  include site.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog];
  const global = `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${errorLog} warn;`;
  const child: ChildProcess = spawn(NGINX, [...args, '-g', global], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const log = () => output + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited early (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url + base);
      break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not answer on ${url} within 15 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    accessLog: () => (existsSync(accessLog) ? readFileSync(accessLog, 'utf8') : ''),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
