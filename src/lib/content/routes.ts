/**
 * Pages that exist independently of content files. The link check in the content
 * check accepts these; a build test proves each one is really built.
 */
export const STATIC_PATHS = [
  '/',
  '/law/',
  '/law/excerpts/',
  '/qa/',
  '/glossary/',
  '/report/',
  '/search/',
  '/cases/',
  '/news/',
  '/materials/',
  '/privacy/',
  '/quiz/',
  '/offline/',
  '/offline/no-network/',
] as const;

/** Anchors on /law/: #art-1…#art-77 and #chapter-1…#chapter-9. */
export function lawAnchorExists(anchor: string, articles: number, chapters: number): boolean {
  const m = /^(art|chapter)-(\d+)$/.exec(anchor);
  if (!m) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= (m[1] === 'art' ? articles : chapters);
}
