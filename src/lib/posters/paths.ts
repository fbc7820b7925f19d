import { POSTERS_PREFIX } from '../permalinks/unlisted.ts';

/** Where the printable poster of an item lives: /posters/law/61/, /posters/qa/<slug>/, /posters/materials/<slug>/. */

export type PosterKind = 'law' | 'qa' | 'materials';

export function posterPath(kind: PosterKind, id: string | number): string {
  return `${POSTERS_PREFIX}${kind}/${id}/`;
}

/** Canonical reading pages of Q&A and materials (law articles: lawArticlePath in src/lib/urls.ts). */
export const qaPagePath = (slug: string): string => `/qa/${slug}/`;
export const materialPagePath = (slug: string): string => `/materials/${slug}/`;
