import type { MiddlewareHandler } from 'astro';
import { isUnlistedPath } from '../lib/permalinks/unlisted.ts';

/**
 * Hands every searchable page to pagefind while `astro build` renders it, so pagefind
 * parses pages in its own process while Astro renders the others, instead of reading
 * them all from disk once the build has written them.
 *
 * The pagefind integration (pagefind.ts) sets the feed before pages are rendered and
 * removes it after. In `astro dev`, and for every other response, this does nothing.
 */
export const PAGEFIND_FEED = Symbol.for('aocl.pagefind.feed');

/**
 * Pages are numbered when their rendering starts, in Astro's own order, and reach pagefind
 * in that order whatever order they finish in (build.concurrency renders several at once):
 * pagefind numbers pages as they arrive, so its files stay the same from build to build.
 */
export interface PagefindFeed {
  /** A page's rendering starts: its number. */
  start(): number;
  /** It is done: its path below the base (/qa/x/) and HTML if search lists it, else nothing. */
  done(seq: number, page?: { path: string; html: string }): void;
}

/** A feed that passes pages on to `send` in the order their rendering started. */
export function orderedFeed(send: (path: string, html: string) => void): PagefindFeed & {
  /** Pages whose rendering started but that were not passed on yet. */
  readonly undelivered: number;
} {
  /** Pages done but not yet passed on, by number; null for a page search does not list. */
  const waiting = new Map<number, { path: string; html: string } | null>();
  let started = 0;
  let next = 0;
  return {
    start: () => started++,
    done: (seq, page) => {
      waiting.set(seq, page ?? null);
      for (let p = waiting.get(next); p !== undefined; p = waiting.get(next)) {
        waiting.delete(next++);
        if (p) send(p.path, p.html);
      }
    },
    get undelivered() {
      return started - next;
    },
  };
}

const feed = (): PagefindFeed | undefined =>
  (globalThis as { [PAGEFIND_FEED]?: PagefindFeed })[PAGEFIND_FEED];

/** The mark of a page search lists (layouts put it on the main content). */
const INDEXED_MARK = 'data-pagefind-body';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const take = feed();
  if (!take || !context.isPrerendered) return next();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = context.url.pathname.slice(base.length) || '/';
  // Posters and short links: never searched, and rendered after every other page
  // (searchable-first.ts), when pagefind is already building. The build test checks
  // that none of them carries the mark.
  if (isUnlistedPath(path)) return next();
  const seq = take.start();
  let response: Response;
  try {
    response = await next();
  } catch (e) {
    take.done(seq);
    throw e;
  }
  if (!response.headers.get('content-type')?.startsWith('text/html')) {
    take.done(seq);
    return response;
  }
  const html = await response.text();
  take.done(seq, html.includes(INDEXED_MARK) ? { path, html } : undefined);
  return new Response(html, { status: response.status, headers: response.headers });
};
