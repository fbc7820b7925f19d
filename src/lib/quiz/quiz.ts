/**
 * 应知应会 自测: drawing questions and scoring answers. Pure and seedable, so the
 * browser and the tests draw the same questions for the same seed (/quiz/?seed=7).
 */

import { seededRandom } from '../random.ts';

export { seededRandom };

/** A quiz draws this many questions; content/quiz.yaml must hold at least as many (the content check says so). */
export const QUIZ_LENGTH = 10;

/** A seed from a URL parameter: a whole number 0…4294967295, or undefined when absent or malformed. */
export function parseSeed(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 0xffffffff ? n : undefined;
}

/** `count` distinct items in random order (a partial Fisher–Yates shuffle of a copy). */
export function drawQuestions<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  const random = seededRandom(seed);
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

export interface Answerable {
  id: string;
  /** The right option, counted from 1. */
  answer: number;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Ids of the questions answered wrongly or not at all, in quiz order. */
  missed: string[];
}

/** Scores answers (option numbers from 1, keyed by question id) for the questions asked. */
export function scoreQuiz(
  questions: readonly Answerable[],
  answers: ReadonlyMap<string, number> | Record<string, number>,
): QuizScore {
  const get = (id: string) =>
    answers instanceof Map ? answers.get(id) : (answers as Record<string, number>)[id];
  const missed = questions.filter((q) => get(q.id) !== q.answer).map((q) => q.id);
  return { correct: questions.length - missed.length, total: questions.length, missed };
}

/** One encouraging sentence for a score. */
export function verdict(s: Pick<QuizScore, 'correct' | 'total'>): string {
  if (s.total > 0 && s.correct === s.total) return '全部答对，您对反有组织犯罪法很熟悉！';
  if (s.correct >= s.total * 0.8) return '答得很好，再看看答错的题目。';
  if (s.correct >= s.total * 0.6) return '基本掌握了，可以再读读相关条文。';
  return '建议读一读法律条文和问答，再来试试。';
}

/** The text shared or copied after a quiz: the score, then the page address on its own line. */
export function shareText(s: Pick<QuizScore, 'correct' | 'total'>, url: string): string {
  return `我在“反有组织犯罪法 应知应会自测”中答对了 ${s.correct} 道题（共 ${s.total} 道）。你也来试试：\n${url}`;
}
