/**
 * The service worker (dist/sw.js), bundled at build by src/integrations/service-worker.ts,
 * which fills in SW_CONFIG: the build version and the shell to keep.
 *
 * - Pages (HTML): network first, so a new version is seen as soon as there is signal;
 *   each page that arrives is kept, for reading again without signal. With no answer
 *   after a few seconds (weak signal), the saved copy is shown. No saved copy and no
 *   network: the Chinese offline page.
 * - Hashed files (/_astro/): they never change, so the cached copy first.
 * - Other files of the site: network first, then a cached copy if there is one.
 * - Short links (/q/<code>/, what a poster's QR code opens): with no network and no saved
 *   copy, the worker redirects to the target from the saved short-link table.
 * - Updates: each build has its own shell cache; the new worker takes over at once and
 *   deletes older shell caches. Pages and hashed files are shared between versions;
 *   hashed files no saved page needs any more are deleted.
 * Nothing is sent anywhere: the worker only fetches this site's own files.
 */
import {
  ASSETS_CACHE as ASSETS,
  FALLBACK_PAGE,
  PAGES_CACHE as PAGES,
  reachableAssets,
  requestKind,
  SHELL_CACHE_PREFIX,
  shortLinkCode,
  SHORT_LINKS_FILE,
} from '../lib/offline/plan.ts';

declare const SW_CONFIG: {
  version: string;
  /** Base path of the site, e.g. "/" or "/pufa/". */
  base: string;
  /** Shell pages and files, with the base. */
  shell: string[];
  /** Hashed files the shell needs, with the base. */
  shellAssets: string[];
};

// Minimal service-worker types: the DOM and WebWorker libraries cannot both be in one TypeScript program.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}
const sw = self as unknown as WorkerScope;

const SHELL = SHELL_CACHE_PREFIX + SW_CONFIG.version;
/** How long to wait for the network before showing a saved copy of a page. */
const PAGE_TIMEOUT_MS = 4000;

const withBase = (p: string) => SW_CONFIG.base + p.replace(/^\//, '');
const pageKey = (url: string) => url.replace(/[?#].*$/, '');

sw.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      await (await caches.open(SHELL)).addAll(SW_CONFIG.shell);
      const assets = await caches.open(ASSETS);
      for (const u of SW_CONFIG.shellAssets) if (!(await assets.match(u))) await assets.add(u);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const k of await caches.keys())
        if (k.startsWith(SHELL_CACHE_PREFIX) && k !== SHELL) await caches.delete(k);
      await pruneAssets();
      await sw.clients.claim();
    })(),
  );
});

/** Deletes hashed files that no kept page (and no kept script) refers to any more. */
async function pruneAssets(): Promise<void> {
  const assets = await caches.open(ASSETS);
  const texts = new Map<string, string>();
  for (const req of await assets.keys()) {
    if (/\.(m?js|css)$/.test(req.url))
      texts.set(req.url.replace(/^.*\//, ''), await (await assets.match(req))!.text());
  }
  const roots: string[] = [SW_CONFIG.shellAssets.join('\n')];
  for (const name of [PAGES, SHELL]) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) roots.push(await (await cache.match(req))!.text());
  }
  const keep = reachableAssets(roots, (n) => texts.get(n));
  for (const req of await assets.keys())
    if (!keep.has(req.url.replace(/^.*\//, ''))) await assets.delete(req);
}

const keepable = (r: Response) => r.ok && r.type === 'basic' && !r.redirected;

async function savedPage(req: Request): Promise<Response | undefined> {
  const key = pageKey(req.url);
  return (
    (await (await caches.open(PAGES)).match(key)) ?? (await (await caches.open(SHELL)).match(key))
  );
}

async function page(e: FetchEvent): Promise<Response> {
  const saved = await savedPage(e.request);
  const network = fetch(e.request).then(async (res) => {
    if (keepable(res)) await (await caches.open(PAGES)).put(pageKey(e.request.url), res.clone());
    return res;
  });
  e.waitUntil(network.catch(() => undefined));
  const offline = async () =>
    saved ??
    (await shortLinkRedirect(e.request.url)) ??
    (await caches.match(withBase(FALLBACK_PAGE))) ??
    Response.error();
  if (!saved) return network.catch(offline);
  const fromNetwork = network.then((res) => (res.status >= 500 ? saved : res), offline);
  const timeout = new Promise<Response>((resolve) =>
    setTimeout(() => resolve(saved), PAGE_TIMEOUT_MS),
  );
  return Promise.race([fromNetwork, timeout]);
}

/** Offline, a short link redirects to its target, from the table 离线保存 keeps. */
async function shortLinkRedirect(url: string): Promise<Response | undefined> {
  const path = new URL(url).pathname;
  if (!path.startsWith(SW_CONFIG.base)) return undefined;
  const code = shortLinkCode('/' + path.slice(SW_CONFIG.base.length));
  if (!code) return undefined;
  const table = await caches.match(withBase(SHORT_LINKS_FILE));
  const target = table ? ((await table.json()) as Record<string, string>)[code] : undefined;
  return target ? Response.redirect(new URL(target, url).href, 302) : undefined;
}

async function hashed(req: Request): Promise<Response> {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (keepable(res)) await cache.put(req, res.clone());
  return res;
}

async function other(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (err) {
    const hit = await caches.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}

sw.addEventListener('fetch', (e) => {
  const kind = requestKind(e.request, sw.registration.scope);
  if (kind === 'page') e.respondWith(page(e));
  else if (kind === 'hashed') e.respondWith(hashed(e.request));
  else if (kind === 'static') e.respondWith(other(e.request));
});
