/**
 * Picks related questions for a Q&A page: the ones the editor listed first, then
 * questions that share a cited article, then ones that share a topic.
 */
export interface RelatedCandidate {
  id: string;
  topics: readonly string[];
  articles: readonly number[];
  related: readonly string[];
}

export function relatedQuestions<T extends RelatedCandidate>(all: readonly T[], current: T, max = 4): T[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  const picked: T[] = [];
  const add = (e: T | undefined) => {
    if (e && e.id !== current.id && !picked.includes(e) && picked.length < max) picked.push(e);
  };
  current.related.forEach((id) => add(byId.get(id)));
  const score = (e: T) =>
    e.articles.filter((a) => current.articles.includes(a)).length * 2 + e.topics.filter((t) => current.topics.includes(t)).length;
  [...all]
    .filter((e) => score(e) > 0)
    .sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id))
    .forEach(add);
  return picked;
}
