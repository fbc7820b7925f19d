import { getCollection, type CollectionEntry } from 'astro:content';
import { devServer } from 'virtual:aocl/site-config';
import { citedAocArticles, analyseMdx } from '../lib/content/mdx.ts';
import { TOPICS } from '../lib/content/schemas.ts';
import { lawIdFromName } from '../lib/law/registry.ts';

/** Published Q&A entries (drafts only in `astro dev`), with the AOCL articles each cites. */

export type QaEntry = CollectionEntry<'qa'> & { articles: number[] };

let cache: Promise<QaEntry[]> | undefined;

export const showDrafts = (): boolean => devServer;

async function load(): Promise<QaEntry[]> {
  const entries = await getCollection('qa', (e) => showDrafts() || !e.data.draft);
  return entries
    .map((e) => ({
      ...e,
      articles: citedAocArticles(analyseMdx(e.body ?? ''), (law) => lawIdFromName(law) === 'aocl'),
    }))
    .sort(
      (a, b) =>
        TOPICS.indexOf(a.data.topics[0]!) - TOPICS.indexOf(b.data.topics[0]!) ||
        a.id.localeCompare(b.id),
    );
}

export function getQa(): Promise<QaEntry[]> {
  cache ??= load();
  return cache;
}

/** Q&A pages that quote a given article of 反有组织犯罪法. */
export async function qaCitingArticle(n: number): Promise<QaEntry[]> {
  return (await getQa()).filter((e) => e.articles.includes(n));
}

/** Questions grouped by their first topic, in the fixed topic order. */
export async function qaByTopic(): Promise<Array<{ topic: string; entries: QaEntry[] }>> {
  const all = await getQa();
  return TOPICS.map((topic) => ({
    topic,
    entries: all.filter((e) => e.data.topics[0] === topic),
  })).filter((g) => g.entries.length > 0);
}
