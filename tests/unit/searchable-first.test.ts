import type { AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { searchableFirst } from '../../src/integrations/searchable-first.ts';
import { isUnlistedPath } from '../../src/lib/permalinks/unlisted.ts';

const route = {} as RouteData;
const paths = (...p: string[]): PathWithRoute[] => p.map((pathname) => ({ pathname, route }));

/** A stand-in for Astro's prerenderer: renders resolve when the test says so. */
function fakeAstro(all: PathWithRoute[]) {
  const calls: string[] = [];
  const waiting = new Map<string, () => void>();
  const base: AstroPrerenderer = {
    name: 'astro:default',
    setup: async () => void calls.push('setup'),
    teardown: async () => void calls.push('teardown'),
    getStaticPaths: async () => all,
    render: (request) =>
      new Promise((resolve) => {
        const path = new URL(request.url).pathname;
        waiting.set(path, () => resolve(new Response(path)));
      }),
  };
  const finish = async (path: string) => {
    waiting.get(path)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { base, calls, finish };
}

const request = (path: string) => new Request(`http://localhost:4321${path}`);

describe('searchable pages render first (pagefind builds while posters render)', () => {
  it('puts posters and short links last, each group in Astro’s own order', async () => {
    const { base } = fakeAstro(
      paths('/', '/posters/qa/b/', '/qa/b/', '/q/l61/', '/law/61/', '/posters/law/61/', '/qa/a/'),
    );
    const wrapped = searchableFirst(base, isUnlistedPath, () => {});
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual([
      '/',
      '/qa/b/',
      '/law/61/',
      '/qa/a/',
      '/posters/qa/b/',
      '/q/l61/',
      '/posters/law/61/',
    ]);
  });

  it('says so once, when the last searchable render has returned, whatever order they finish in', async () => {
    const { base, finish } = fakeAstro(paths('/qa/a/', '/posters/qa/a/', '/qa/b/', '/rss.xml'));
    let done = 0;
    const wrapped = searchableFirst(base, isUnlistedPath, () => done++);
    await wrapped.getStaticPaths();
    const rendering = ['/qa/a/', '/qa/b/', '/rss.xml', '/posters/qa/a/'].map((p) =>
      wrapped.render(request(p), { routeData: route }),
    );
    await finish('/qa/b/');
    await finish('/posters/qa/a/');
    await finish('/rss.xml');
    expect(done).toBe(0);
    await finish('/qa/a/');
    expect(done).toBe(1);
    const bodies = await Promise.all(rendering.map(async (r) => ((await r) as Response).text()));
    expect(bodies).toEqual(['/qa/a/', '/qa/b/', '/rss.xml', '/posters/qa/a/']);
    expect(done).toBe(1);
  });

  it('reads request paths below the base path of a site served from a sub-folder', async () => {
    const { base, finish } = fakeAstro(paths('/qa/a/', '/posters/qa/a/'));
    let done = 0;
    const wrapped = searchableFirst(base, isUnlistedPath, () => done++, '/pufa/');
    await wrapped.getStaticPaths();
    void wrapped.render(request('/pufa/posters/qa/a/'), { routeData: route });
    await finish('/pufa/posters/qa/a/');
    expect(done).toBe(0);
    void wrapped.render(request('/pufa/qa/a/'), { routeData: route });
    await finish('/pufa/qa/a/');
    expect(done).toBe(1);
  });

  it('never says so when no page is searchable, and passes setup and teardown on', async () => {
    const { base, calls, finish } = fakeAstro(paths('/posters/qa/a/'));
    let done = 0;
    const wrapped = searchableFirst(base, isUnlistedPath, () => done++);
    await wrapped.setup!();
    await wrapped.getStaticPaths();
    void wrapped.render(request('/posters/qa/a/'), { routeData: route });
    await finish('/posters/qa/a/');
    await wrapped.teardown!();
    expect(done).toBe(0);
    expect(calls).toEqual(['setup', 'teardown']);
  });
});
