import { describe, expect, it } from 'vitest';
import { relatedPicker, type RelatedCandidate } from '../../src/lib/content/related.ts';

const q = (
  id: string,
  articles: number[],
  topics: string[],
  related: string[] = [],
): RelatedCandidate & { related: string[] } => ({
  id,
  articles,
  topics,
  related,
});

/** The rule written plainly: sort every candidate by score, then id (the code before relatedPicker). */
function reference(all: RelatedCandidate[], current: RelatedCandidate, max = 4) {
  const byId = new Map(all.map((e) => [e.id, e]));
  const picked: RelatedCandidate[] = [];
  const add = (e: RelatedCandidate | undefined) => {
    if (e && e.id !== current.id && !picked.includes(e) && picked.length < max) picked.push(e);
  };
  current.related.forEach((id) => add(byId.get(id)));
  const score = (e: RelatedCandidate) =>
    e.articles.filter((a) => current.articles.includes(a)).length * 2 +
    e.topics.filter((t) => current.topics.includes(t)).length;
  [...all]
    .filter((e) => score(e) > 0)
    .sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id))
    .forEach(add);
  return picked.map((e) => e.id);
}

describe('related questions', () => {
  const all = [
    q('a', [22], ['report'], ['d']),
    q('b', [22, 23], ['report']),
    q('c', [], ['report']),
    q('d', [], ['other']),
    q('e', [23], []),
    q('f', [], []),
  ];
  const pick = relatedPicker(all);

  it("lists the editor's choices first, then shared articles before shared topics", () => {
    expect(pick(all[0]!).map((e) => e.id)).toEqual(['d', 'b', 'c']);
    expect(pick(all[1]!).map((e) => e.id)).toEqual(['a', 'e', 'c']);
  });

  it('never lists the page itself, and lists nothing unrelated', () => {
    expect(pick(all[5]!)).toEqual([]);
    expect(pick(all[3]!).map((e) => e.id)).toEqual([]);
  });

  it('picks what sorting every candidate picks, on 300 random pages', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pages = Array.from({ length: 300 }, (_, i) =>
      q(
        `p${String(rnd(1000)).padStart(3, '0')}-${i}`,
        Array.from({ length: rnd(3) }, () => rnd(12)),
        Array.from({ length: rnd(3) }, () => `t${rnd(5)}`),
      ),
    );
    // A quarter of the pages name one or two others, as editors do.
    for (const p of pages)
      if (rnd(4) === 0) p.related = Array.from({ length: 1 + rnd(2) }, () => pages[rnd(300)]!.id);
    const many = relatedPicker(pages);
    for (const p of pages) expect(many(p).map((e) => e.id)).toEqual(reference(pages, p));
  });
});
