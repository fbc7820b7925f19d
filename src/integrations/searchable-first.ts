import type { AstroPrerenderer } from 'astro';
import { stripBase } from '../lib/routes.ts';

/**
 * Wraps Astro's prerenderer so that the pages search may list render first and the pages
 * it never lists (`neverSearched`: posters, /q/ short links) render last, then calls
 * `searchableDone` as soon as every one of the others has rendered.
 *
 * Why: pagefind can build its bundle only once it has every searchable page, and that
 * takes seconds in its own process. Rendering first what it needs lets it build while
 * Astro renders the posters and short links (half the pages of a large site), instead of
 * after all pages.
 *
 * The order within each group is Astro's own, so the searchable pages reach pagefind in
 * the same order as when Astro renders in its own order, and its files are the same.
 * `searchableDone` is called once, after the render of the last searchable page has
 * returned (the feed middleware has handed that page over by then); never when there is
 * no searchable page.
 *
 * `neverSearched` takes a path below the base (/posters/qa/x/); `basePath` is the site's
 * base, which request URLs carry.
 */
export function searchableFirst(
  base: AstroPrerenderer,
  neverSearched: (path: string) => boolean,
  searchableDone: () => void,
  basePath = '/',
): AstroPrerenderer {
  let remaining = 0;
  const wrapped: AstroPrerenderer = {
    name: `${base.name}+searchable-first`,
    async getStaticPaths() {
      const all = await base.getStaticPaths();
      const first = all.filter((p) => !neverSearched(p.pathname));
      remaining = first.length;
      return [...first, ...all.filter((p) => neverSearched(p.pathname))];
    },
    async render(request, options) {
      const result = await base.render(request, options);
      if (remaining > 0 && !neverSearched(stripBase(basePath, new URL(request.url).pathname))) {
        remaining--;
        if (remaining === 0) searchableDone();
      }
      return result;
    },
  };
  // Astro calls these only when the prerenderer has them.
  if (base.setup) wrapped.setup = () => base.setup!();
  if (base.collectStaticImages) wrapped.collectStaticImages = () => base.collectStaticImages!();
  if (base.teardown) wrapped.teardown = () => base.teardown!();
  return wrapped;
}
