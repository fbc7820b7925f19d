import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exists, page } from '../harness/dist.ts';

// /quiz/ without JavaScript (tests/browser/quiz.test.ts runs it in Chromium).
describe('/quiz/', () => {
  const quiz = parseYaml(readFileSync('content/quiz.yaml', 'utf8')) as Array<{
    id: string;
    question: string;
    options: string[];
    answer: number;
    article?: number;
  }>;
  const doc = page('/quiz/');

  it('shows every question without JavaScript, each answer behind 看答案, with a link to an article that exists when it tests one', () => {
    const items = doc.querySelectorAll('.quiz-item');
    expect(items.map((i) => i.getAttribute('data-id'))).toEqual(quiz.map((q) => q.id));
    for (const [i, q] of quiz.entries()) {
      const item = items[i]!;
      expect(item.querySelectorAll('.quiz-options li')).toHaveLength(q.options.length);
      const details = item.querySelector('details')!;
      expect(details.querySelector('summary')!.text).toBe('看答案');
      expect(details.querySelector('.quiz-right')!.text).toContain(q.options[q.answer - 1]!);
      const link = details.querySelector('a.quiz-source');
      if (q.article === undefined) {
        expect(link, q.id).toBeNull();
        continue;
      }
      const href = link!.getAttribute('href')!;
      const [path, anchor] = href.split('#');
      expect(exists(`${path!.slice(1)}index.html`), href).toBe(true);
      if (anchor) expect(page(path!).querySelector(`#${anchor}`), href).not.toBeNull();
    }
    expect(doc.querySelector('#quiz-q01 a.quiz-source')!.getAttribute('href')).toBe('/law/77/');
    expect(doc.querySelector('#quiz-q06 a.quiz-source')!.getAttribute('href')).toBe(
      '/law/excerpts/#criminal-law-294',
    );
  });

  it('shows no law link for a question that tests no article: no article names 12337', () => {
    const q = quiz.find((x) => x.question.includes('12337'))!;
    expect(q.article).toBeUndefined();
    const item = doc.querySelector(`#quiz-${q.id}`)!;
    expect(item.querySelector('.quiz-why')!.text).toContain('12337');
    expect(item.querySelector('a.quiz-source')).toBeNull();
    expect(item.text).not.toContain('看法律原文');
    // Every other question still links its article.
    expect(doc.querySelectorAll('a.quiz-source')).toHaveLength(
      quiz.filter((x) => x.article !== undefined).length,
    );
  });
});
