/**
 * Summaries of what a browser downloaded, for the weight benchmark and the search budget.
 * Pure: the caller records each response's URL, type and body size.
 */

export interface Transfer {
  url: string;
  /** The browser's resource type: document, stylesheet, script, image, font, fetch, … */
  type: string;
  raw: number;
  /** Transfer bytes: gzip -9, or raw when that is smaller (see transfer.ts). */
  gzip: number;
}

export interface TypeTotal {
  type: string;
  requests: number;
  raw: number;
  gzip: number;
}

/** Pagefind's files get their own labels, so a search's cost shows where it goes. */
export function transferLabel(t: Pick<Transfer, 'url' | 'type'>): string {
  const path = new URL(t.url, 'http://site.invalid/').pathname;
  if (/\/pagefind\//.test(path)) {
    if (path.endsWith('.pf_index')) return 'pagefind index';
    if (path.endsWith('.pf_fragment')) return 'pagefind fragment';
    if (path.endsWith('.pf_meta')) return 'pagefind meta';
    if (path.endsWith('.pf_filter')) return 'pagefind filter';
    if (path.endsWith('.pagefind')) return 'pagefind wasm';
    if (path.endsWith('.js')) return 'pagefind js';
    if (path.endsWith('.json')) return 'pagefind entry';
    return 'pagefind other';
  }
  if (/\/search-index\/[^/]+\/\d+\.json$/.test(path)) return 'search text index';
  if (/\/search-index\/[^/]+\/p\d+\.json$/.test(path)) return 'search records';
  if (path.endsWith('/search-hints.json')) return 'search hints';
  if (t.type === 'xhr') return 'fetch';
  // Fetched by the service worker: the offline shell when it installs, and requests it passes on.
  if (t.type === 'service worker') return 'via service worker';
  // Chromium reports the favicon as "other".
  if (t.type === 'other' && /\.(svg|png|ico|webp|avif|jpe?g|gif)$/i.test(path)) return 'image';
  return t.type;
}

const ORDER = [
  'document',
  'stylesheet',
  'script',
  'image',
  'font',
  'fetch',
  'search hints',
  'search text index',
  'search records',
  'via service worker',
];

/** Totals per label, in a stable order, and the grand total last. */
export function totalsByType(transfers: readonly Transfer[]): {
  rows: TypeTotal[];
  total: TypeTotal;
} {
  const map = new Map<string, TypeTotal>();
  for (const t of transfers) {
    const type = transferLabel(t);
    const row = map.get(type) ?? { type, requests: 0, raw: 0, gzip: 0 };
    row.requests++;
    row.raw += t.raw;
    row.gzip += t.gzip;
    map.set(type, row);
  }
  const rank = (type: string) => {
    const i = ORDER.indexOf(type);
    return i === -1 ? ORDER.length + (type.startsWith('pagefind') ? 0 : 1) : i;
  };
  const rows = [...map.values()].sort(
    (a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type),
  );
  const total = rows.reduce(
    (s, r) => ({
      type: 'total',
      requests: s.requests + r.requests,
      raw: s.raw + r.raw,
      gzip: s.gzip + r.gzip,
    }),
    { type: 'total', requests: 0, raw: 0, gzip: 0 },
  );
  return { rows, total };
}
