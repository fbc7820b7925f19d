import type { APIRoute } from 'astro';
import { buildSearchHints } from '../data/search-hints.ts';

/** Titles, keywords and glossary aliases for the search page (loaded only when searching). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildSearchHints()), {
    headers: { 'Content-Type': 'application/json' },
  });
