/**
 * A glossary term's entry in search-hints.json (built by src/data/search-hints.ts). Kept
 * apart from hints.ts, which the search page loads, so the law registry stays out of the
 * page's script.
 */
import { lawIdFromName } from '../law/registry.ts';
import { lawArticlePath, qaPath } from '../routes.ts';
import type { HintTerm } from './hints.ts';

/** A glossary entry, as far as search needs it (content/glossary.yaml). */
export interface GlossaryForSearch {
  term: string;
  aliases: readonly string[];
  searchAliases: readonly string[];
  /** Provisions quoted as the term's definition: 2, or { law?, article, … }. */
  quotes: ReadonlyArray<number | { law?: string | undefined; article: number }>;
  articles: readonly number[];
  qa?: string | undefined;
}

/**
 * A glossary term's entry in the hints: the page that explains it first, then the
 * articles of this law its definition quotes (they define it too: `d` counts these
 * defining pages), then the other articles it cites.
 */
export function termHint(g: GlossaryForSearch): HintTerm {
  const quoted = [
    ...new Set(
      g.quotes.flatMap((c) =>
        typeof c === 'number' ? [c] : lawIdFromName(c.law) === 'aocl' ? [c.article] : [],
      ),
    ),
  ];
  const others = g.articles.filter((n) => !quoted.includes(n));
  const explains = g.qa ? [qaPath(g.qa)] : [];
  return {
    t: g.term,
    a: [...g.aliases, ...g.searchAliases],
    p: [...explains, ...[...quoted, ...others].map(lawArticlePath)],
    d: explains.length + quoted.length,
  };
}
