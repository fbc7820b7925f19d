import { getCollection } from 'astro:content';
import { resolveCitation } from '../lib/law/cite.ts';
import { LAWS } from '../lib/law/registry.ts';
import type { QuizQuestion } from '../lib/content/schemas.ts';
import { getLaws } from './law.ts';

/**
 * 应知应会 自测题 with the article each one tests, resolved to a label and a link. A question
 * without an article (a fact no article states, such as what 12337 is) has neither.
 */

export interface QuizEntry extends QuizQuestion {
  /** 反有组织犯罪法第二条, 刑法第二百九十四条 */
  articleLabel?: string;
  /** Site path of the article: /law/2/, or /law/excerpts/#criminal-law-294 for 刑法 and 刑事诉讼法. */
  articleHref?: string;
}

const shortName = (full: string) => full.replace(/^中华人民共和国/, '');

let cache: Promise<QuizEntry[]> | undefined;

async function load(): Promise<QuizEntry[]> {
  const laws = await getLaws();
  const entries = await getCollection('quiz');
  return entries
    .map((e): QuizEntry => {
      if (e.data.article === undefined) return { ...e.data };
      const r = resolveCitation(laws, { law: e.data.law, article: e.data.article });
      // The content check reports bad articles with the file and question before the build.
      if (!r.ok) throw new Error(`content/quiz.yaml · ${e.id}：${r.message}`);
      return {
        ...e.data,
        articleLabel: shortName(LAWS[r.value.lawId].fullName) + r.value.label,
        articleHref: r.value.href,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export function getQuiz(): Promise<QuizEntry[]> {
  cache ??= load();
  return cache;
}
