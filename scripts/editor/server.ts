// `npm run edit`: the visual editor (Decap CMS, in Chinese) for content/, on this PC only.
//   npm run edit                 starts the editor and the preview, opens the browser
//   npm run edit -- --no-open    does not open the browser (tests, screenshots)
//   npm run edit -- --no-preview does not start the preview (astro dev)
//   --port 4400 --preview-port 4321 --root <project folder>
// Nothing here is part of the site: it lives in scripts/, outside src/ and public/,
// and serves Decap CMS from node_modules (never a CDN).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLaws } from '../../src/lib/content/check-files.ts';
import { codesIn, newShortCode } from '../../src/lib/content/short-codes.ts';
import { MDX_COLLECTIONS } from '../../src/lib/content/collections.ts';
import { EditorBackend } from './api.ts';
import { decapConfig } from './collections.ts';
import { refusal } from './guard.ts';
import { lawOptions } from './law-options.ts';
import { listFolder } from './files.ts';

const started = performance.now();
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const root = resolve(value('root', process.cwd()));
const port = Number(value('port', process.env.EDITOR_PORT ?? '4400'));
const previewPort = Number(value('preview-port', '4321'));
const origin = `http://127.0.0.1:${port}`;
const previewOrigin = `http://127.0.0.1:${previewPort}`;
const decapDir = join(projectRoot, 'node_modules/decap-cms/dist');
const clientDir = join(here, 'client');

const backend = new EditorBackend(root, previewOrigin);
const laws = lawOptions(loadLaws(root));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}
const json = (res: ServerResponse, status: number, v: unknown) =>
  send(res, status, JSON.stringify(v), TYPES['.json']);

function sendFile(res: ServerResponse, file: string) {
  if (!existsSync(file)) return send(res, 404, '没有这个文件');
  send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 50 * 1024 * 1024) throw new Error('请求太大');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function freshCode(): string {
  const texts = MDX_COLLECTIONS.flatMap((c) =>
    listFolder(root, `content/${c.dir}`, 'mdx').map((p) => readFileSync(join(root, p), 'utf8')),
  );
  const code = newShortCode(new Set([...codesIn(texts), ...backend.handedOut]));
  backend.handedOut.add(code);
  return code;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', origin);
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  const refused = refusal(req, port, write);
  if (refused) return send(res, 403, refused);
  try {
    if (url.pathname === '/api/v1' && req.method === 'POST') {
      const { action, params } = JSON.parse(await readBody(req)) as {
        action: string;
        params: Record<string, unknown>;
      };
      return json(res, 200, await backend.handle(action, params ?? {}));
    }
    if (write) return send(res, 405, '不支持');
    if (url.pathname === '/' || url.pathname === '/index.html')
      return sendFile(res, join(clientDir, 'index.html'));
    if (url.pathname === '/editor/config.json')
      return json(res, 200, decapConfig(origin, previewOrigin));
    if (url.pathname === '/editor/law.json') return json(res, 200, laws);
    if (url.pathname === '/editor/new-code') return json(res, 200, { code: freshCode() });
    if (url.pathname === '/editor/check') {
      const path = url.searchParams.get('path') ?? '';
      return json(res, 200, backend.reports.get(path) ?? backend.check(path));
    }
    if (url.pathname.startsWith('/editor/client/'))
      return sendFile(res, join(clientDir, basename(url.pathname)));
    if (url.pathname === '/editor/locale/zh_Hans.js')
      return sendFile(
        res,
        join(projectRoot, 'node_modules/decap-cms-locales/dist/esm/zh_Hans/index.js'),
      );
    if (url.pathname.startsWith('/editor/decap/'))
      return sendFile(res, join(decapDir, basename(url.pathname)));
    if (url.pathname.startsWith('/images/'))
      return sendFile(res, join(root, 'public/images', basename(url.pathname)));
    return send(res, 404, '没有这个页面');
  } catch (e) {
    console.error(
      `编辑器出错（${req.method} ${url.pathname}）：${e instanceof Error ? e.message : String(e)}`,
    );
    return json(res, 500, { error: e instanceof Error ? e.message : String(e) });
  }
});

let preview: ChildProcess | undefined;
function startPreview() {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  preview = spawn(
    process.execPath,
    [astro, 'dev', '--host', '127.0.0.1', '--port', String(previewPort)],
    { cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'development' } },
  );
}

/**
 * `astro dev` keeps the pages' lists of entries (getStaticPaths, src/data caches) after a
 * file changes, so a new or renamed item would be missing from the preview. Restarting it
 * after a save (debounced) is slower but always shows what was saved.
 */
let restartTimer: NodeJS.Timeout | undefined;
function restartPreview() {
  if (!preview) return;
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    const old = preview!;
    old.once('exit', () => startPreview());
    old.kill();
  }, 500);
}
backend.onWrite = restartPreview;

function openBrowser(address: string) {
  const [cmd, cmdArgs] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', address]]
      : process.platform === 'darwin'
        ? ['open', [address]]
        : ['xdg-open', [address]];
  spawn(cmd as string, cmdArgs as string[], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

function stop() {
  preview?.kill();
  server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(
    e.code === 'EADDRINUSE'
      ? `端口 ${port} 已被占用：编辑器可能已经打开了，请直接在浏览器里打开 ${origin}/`
      : `编辑器无法启动：${e.message}`,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  if (!flag('no-preview')) startPreview();
  console.log(`\n内容编辑器已启动：${origin}/`);
  console.log(`（只有这台电脑能打开；预览网站在 ${previewOrigin}/）`);
  console.log('用完后关闭这个窗口，或者按 Ctrl+C，就会停止编辑器。');
  console.log(`（启动用时 ${Math.round(performance.now() - started)} 毫秒）\n`);
  if (!flag('no-open')) openBrowser(`${origin}/`);
});
