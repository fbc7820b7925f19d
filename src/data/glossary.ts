import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveCitation } from '../lib/law/cite.ts';
import { LAWS } from '../lib/law/registry.ts';
import { getLaws } from './law.ts';
import type { ResolvedBasis } from './materials.ts';

/** Glossary terms, and the ones that name a given article of 反有组织犯罪法. */

export type GlossaryTerm = CollectionEntry<'glossary'>;

let cache: Promise<GlossaryTerm[]> | undefined;
export function getGlossary(): Promise<GlossaryTerm[]> {
  cache ??= getCollection('glossary');
  return cache;
}

export async function termsForArticle(n: number): Promise<GlossaryTerm[]> {
  return (await getGlossary()).filter((t) => t.data.articles.includes(n));
}

/**
 * The law text a term quotes (its `quotes`), resolved against the law data like a material's
 * quotes. The content check reports a bad citation with the term before the build gets here.
 */
export async function glossaryQuotes(term: GlossaryTerm): Promise<ResolvedBasis[]> {
  const laws = await getLaws();
  return term.data.quotes.map((c) => {
    const r = resolveCitation(laws, typeof c === 'number' ? { article: c } : c);
    if (!r.ok)
      throw new Error(
        `content/glossary.yaml · 词条“${term.data.term}” · 字段 quotes：${r.message}`,
      );
    const v = r.value;
    const label =
      v.lawId === 'aocl' ? v.label : LAWS[v.lawId].fullName.replace('中华人民共和国', '') + v.label;
    return { label, href: v.href, citation: v };
  });
}
