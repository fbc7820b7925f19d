/**
 * The /offline/ page: shows how much 离线保存 will download (sizes worked out at build,
 * dist/offline.json), and saves the pages and files into the caches the service worker
 * reads. Saved copies are compared with the build's fingerprints, so after an update
 * only what changed is downloaded again.
 */
import {
  ASSETS_CACHE,
  formatBytes,
  PAGES_CACHE,
  type OfflineManifest,
  type SizedUrl,
} from '../lib/offline/plan.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function fingerprint(res: Response): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await res.arrayBuffer()));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Files not saved yet, or saved from an older version. */
async function outdated(m: OfflineManifest): Promise<SizedUrl[]> {
  const pages = await caches.open(PAGES_CACHE);
  const assets = await caches.open(ASSETS_CACHE);
  const out: SizedUrl[] = [];
  for (const [cache, list] of [
    [pages, m.pages],
    [assets, m.assets],
    [pages, m.data ?? []],
  ] as const) {
    for (const f of list) {
      const hit = await cache.match(f.k ?? f.u);
      if (!hit || (await fingerprint(hit)) !== f.h) out.push(f);
    }
  }
  return out;
}

const isPage = (m: OfflineManifest, f: SizedUrl) => m.pages.includes(f);
/** Pages and data files (search index, short links) go to the pages cache, which 删除 empties. */
const inPagesCache = (m: OfflineManifest, f: SizedUrl) =>
  isPage(m, f) || (m.data ?? []).includes(f);

/** Deletes saved search-index files of older builds: each build's index is in a folder of its own. */
async function pruneData(m: OfflineManifest): Promise<void> {
  const keep = new Set((m.data ?? []).map((f) => new URL(f.k ?? f.u, location.href).href));
  const pages = await caches.open(PAGES_CACHE);
  for (const req of await pages.keys())
    if (/\/search-index\//.test(req.url) && !keep.has(req.url)) await pages.delete(req);
}

export function startOfflinePage(): void {
  const box = $('offline');
  const size = $('offline-size');
  const save = $<HTMLButtonElement>('offline-save');
  const remove = $<HTMLButtonElement>('offline-delete');
  const progress = $<HTMLProgressElement>('offline-progress');
  const status = $('offline-status');
  const scope = $('offline-scope');
  if (!box) return;
  if (!('serviceWorker' in navigator) || !('caches' in window) || !window.isSecureContext) {
    size.textContent = '这个浏览器不支持离线保存。可以换用手机自带的浏览器或其他较新的浏览器再试。';
    return;
  }
  let manifest: OfflineManifest;
  let todo: SizedUrl[] = [];

  async function refresh(): Promise<void> {
    todo = await outdated(manifest);
    if (manifest.partial && scope)
      scope.textContent = `问答太多（共 ${manifest.partial.qa} 个），全部保存太费流量，所以保存法律全文和每一条、“我要举报”页面，以及“问答”页上排在前面的 ${manifest.partial.saved} 个问答。没有信号时，搜索只在保存的页面里找；其他问答有信号时照常能看。`;
    const pages = todo.filter((f) => isPage(manifest, f)).length;
    const gzip = todo.reduce((n, f) => n + f.z, 0);
    const raw = todo.reduce((n, f) => n + f.b, 0);
    const savedPages = manifest.pages.length - pages;
    remove.hidden = savedPages === 0;
    if (todo.length === 0) {
      size.textContent = `已经全部保存（${manifest.pages.length} 页），没有信号也能看。`;
      save.hidden = true;
      return;
    }
    const what =
      savedPages > 0 ? `还有 ${pages} 页需要保存或更新` : `共 ${manifest.pages.length} 页`;
    size.textContent = `${what}，大约要用 ${formatBytes(gzip)} 流量（网站服务器不压缩时最多 ${formatBytes(raw)}）。`;
    save.textContent = `离线保存（约 ${formatBytes(gzip)}）`;
    save.hidden = false;
  }

  async function download(): Promise<void> {
    save.disabled = true;
    progress.hidden = false;
    progress.max = todo.length;
    progress.value = 0;
    const pages = await caches.open(PAGES_CACHE);
    const assets = await caches.open(ASSETS_CACHE);
    const queue = [...todo];
    let failed = false;
    const worker = async () => {
      for (let f = queue.shift(); f && !failed; f = queue.shift()) {
        try {
          const res = await fetch(f.u, { cache: 'no-cache' });
          if (!res.ok) throw new Error(String(res.status));
          // The search hints of the saved pages are kept as /search-hints.json (OfflineManifest).
          await (inPagesCache(manifest, f) ? pages : assets).put(f.k ?? f.u, res);
          progress.value++;
          status.textContent = `正在保存：${progress.value} / ${todo.length}`;
        } catch {
          failed = true;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (!failed) await pruneData(manifest);
    progress.hidden = true;
    save.disabled = false;
    status.textContent = failed
      ? '下载中断了，可能是信号不好。已经保存的不会丢，有信号时再按一次就能接着保存。'
      : '保存好了。没有信号时，照常打开本网站就能看。';
    await refresh();
  }

  save.addEventListener('click', () => void download());
  remove.addEventListener('click', async () => {
    await caches.delete(PAGES_CACHE);
    status.textContent = '已删除保存的页面。';
    await refresh();
  });

  void (async () => {
    try {
      const res = await fetch(box.dataset.manifest!, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`${res.status}`);
      manifest = (await res.json()) as OfflineManifest;
    } catch {
      size.textContent = '现在连不上网络，暂时不能保存。有信号时再打开本页。';
      return;
    }
    await refresh();
  })();
}
