import { getCollection, type CollectionEntry } from 'astro:content';

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
