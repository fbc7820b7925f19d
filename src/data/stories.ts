import { getCollection, type CollectionEntry } from 'astro:content';
import { showDrafts } from './qa.ts';

/** Cases and news, newest first; drafts only in `astro dev`. */

export type CaseEntry = CollectionEntry<'cases'>;
export type NewsEntry = CollectionEntry<'news'>;

const newestFirst = <T extends { data: { date: Date }; id: string }>(list: T[]) =>
  list.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));

export async function getCases(): Promise<CaseEntry[]> {
  return newestFirst(await getCollection('cases', (e) => showDrafts() || !e.data.draft));
}

export async function getNews(): Promise<NewsEntry[]> {
  return newestFirst(await getCollection('news', (e) => showDrafts() || !e.data.draft));
}

/** Cases that list a given article of 反有组织犯罪法 among the ones they illustrate. */
export async function casesForArticle(n: number): Promise<CaseEntry[]> {
  return (await getCases()).filter((c) => c.data.articles.includes(n));
}
