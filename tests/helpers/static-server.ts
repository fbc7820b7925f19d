import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { RunningServer } from '../harness/server.ts';

/**
 * Serves a built site like a plain static host (nginx, a CDN) would: below a base path,
 * a folder gets its index.html, a folder without its trailing slash gets a redirect,
 * anything else missing gets 404.html with status 404, and `headers` go with every
 * response. Used where `astro preview` cannot be: a second server next to the shared
 * one (Astro refuses two previews of one project), one a test stops half-way, or a
 * build for another base path. No static-server library is installed, and this needs
 * nothing but node:http.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startStaticServer(
  opts: { dir?: string; base?: string; headers?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dir = resolve(opts.dir ?? 'dist');
  const base = opts.base ?? '/';
  const headers = opts.headers ?? {};
  const fileAt = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return undefined;
    }
  };
  const server: Server = createServer((req, res) => {
    const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        ...headers,
        ...extra,
        ...(file
          ? {
              'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
              'cache-control': 'no-cache',
            }
          : {}),
      });
      if (file && req.method !== 'HEAD') createReadStream(file).pipe(res);
      else res.end();
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const notFound = () =>
      send(404, fileAt(join(dir, '404.html')) ? join(dir, '404.html') : undefined);
    if (!url.pathname.startsWith(base)) return notFound();
    const path = resolve(dir, '.' + '/' + decodeURIComponent(url.pathname.slice(base.length)));
    if (path !== dir && !path.startsWith(dir + sep)) return notFound();
    const stat = fileAt(path);
    if (stat?.isDirectory()) {
      if (!url.pathname.endsWith('/'))
        return send(301, undefined, { location: url.pathname + '/' + url.search });
      return fileAt(join(path, 'index.html')) ? send(200, join(path, 'index.html')) : notFound();
    }
    return stat?.isFile() ? send(200, path) : notFound();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}${base.replace(/\/$/, '')}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}
