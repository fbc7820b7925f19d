import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContentFiles, checkQuiz, loadLaws } from '../../src/lib/content/check-files.ts';
import { quizQuestionSchema, type QuizQuestion } from '../../src/lib/content/schemas.ts';
import { formatProblem, type ContentProblem } from '../../src/lib/errors/error-map.ts';
import {
  drawQuestions,
  parseSeed,
  scoreQuiz,
  seededRandom,
  shareText,
  verdict,
} from '../../src/lib/quiz/quiz.ts';
import { cleanEnv, tempProject, type TempProject } from '../helpers/temp-project.ts';

const laws = loadLaws('.');
const questions = parseYaml(readFileSync('content/quiz.yaml', 'utf8')) as QuizQuestion[];
const ids = questions.map((q) => q.id);

describe('drawing questions', () => {
  it('draws 10 different questions, the same for the same seed', () => {
    const a = drawQuestions(ids, 10, 7);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(drawQuestions(ids, 10, 7)).toEqual(a);
    for (const id of a) expect(ids).toContain(id);
  });

  it('draws differently for different seeds, and leaves the list alone', () => {
    const copy = [...ids];
    const draws = new Set([1, 2, 3, 4, 5].map((s) => drawQuestions(ids, 10, s).join()));
    expect(draws.size).toBe(5);
    expect(ids).toEqual(copy);
  });

  it('reaches every question over many seeds, roughly evenly', () => {
    const counts = new Map<string, number>();
    for (let s = 0; s < 2000; s++)
      for (const id of drawQuestions(ids, 10, s)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(ids.length);
    const expected = (2000 * 10) / ids.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });

  it('gives all items when asked for more than there are', () => {
    expect(drawQuestions(['a', 'b'], 10, 1).sort()).toEqual(['a', 'b']);
  });

  it('has a seeded generator in [0, 1)', () => {
    const r = seededRandom(42);
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(42)()).toBe(xs[0]);
  });

  it('reads a seed from the URL, ignoring anything else', () => {
    expect(parseSeed('7')).toBe(7);
    expect(parseSeed('4294967295')).toBe(4294967295);
    for (const bad of [null, '', '-1', '1.5', 'abc', '4294967296', '99999999999'])
      expect(parseSeed(bad), String(bad)).toBeUndefined();
  });
});

describe('scoring', () => {
  const asked = [
    { id: 'a', answer: 2 },
    { id: 'b', answer: 1 },
    { id: 'c', answer: 3 },
  ];
  it('counts right answers and lists the missed ones in order', () => {
    expect(scoreQuiz(asked, { a: 2, b: 3, c: 3 })).toEqual({ correct: 2, total: 3, missed: ['b'] });
    expect(scoreQuiz(asked, new Map([['c', 3]]))).toEqual({
      correct: 1,
      total: 3,
      missed: ['a', 'b'],
    });
    expect(scoreQuiz(asked, {})).toEqual({ correct: 0, total: 3, missed: ['a', 'b', 'c'] });
  });
  it('ignores answers to questions not asked', () => {
    expect(scoreQuiz(asked, { a: 2, b: 1, c: 3, z: 1 }).correct).toBe(3);
  });
  it('has a message for each band and a share text with the address on its own line', () => {
    expect(verdict({ correct: 10, total: 10 })).toContain('全部答对');
    expect(verdict({ correct: 8, total: 10 })).toContain('答得很好');
    expect(verdict({ correct: 6, total: 10 })).toContain('基本掌握');
    expect(verdict({ correct: 2, total: 10 })).toContain('建议');
    expect(shareText({ correct: 8, total: 10 }, 'https://example.org/quiz/')).toBe(
      '我在“反有组织犯罪法 应知应会自测”中答对了 8 道题（共 10 道）。你也来试试：\nhttps://example.org/quiz/',
    );
  });
});

describe('quiz data (content/quiz.yaml)', () => {
  it('has at least 30 valid questions whose articles exist', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    for (const q of questions) expect(quizQuestionSchema.safeParse(q).success, q.id).toBe(true);
    const problems: ContentProblem[] = [];
    checkQuiz(questions, laws, problems);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('reports an article that does not exist, a duplicate id and an unknown law, naming the question', () => {
    const bad = [
      { ...questions[0]!, article: 78 },
      { ...questions[1]!, id: questions[2]!.id },
      questions[2]!,
      { ...questions[3]!, law: '民法典', article: 2 },
      { ...questions[4]!, law: '刑法', article: 293 },
      ...questions.slice(5, 12),
    ];
    const problems: ContentProblem[] = [];
    checkQuiz(bad, laws, problems);
    const text = problems.map(formatProblem);
    expect(text).toContain(
      'content/quiz.yaml · 第 1 题（q01） · 字段 article：引用有误：《中华人民共和国反有组织犯罪法》没有第 78 条（本站收录的是第 1–77 条）',
    );
    expect(text).toContain(
      'content/quiz.yaml · 第 3 题（q03） · 字段 id：题目编号“q03”重复了；每道题的编号必须不同',
    );
    expect(
      text.some((t) =>
        t.startsWith(
          'content/quiz.yaml · 第 4 题（q04） · 字段 law：引用有误：不认识的法律名称 law="民法典"',
        ),
      ),
    ).toBe(true);
    expect(text).toContain(
      'content/quiz.yaml · 第 5 题（q05） · 字段 article：引用有误：《中华人民共和国刑法》没有第 293 条（本站收录的是第 294 条）',
    );
    expect(problems).toHaveLength(4);
  });

  it('accepts a question without an article (no article names 12337), but not a law without its article', () => {
    const q12337 = questions.find((q) => q.question.includes('12337'))!;
    expect(q12337.article).toBeUndefined();
    const { article: _, ...noArticle } = questions[0]!;
    expect(quizQuestionSchema.safeParse(noArticle).success).toBe(true);
    const problems: ContentProblem[] = [];
    checkQuiz([noArticle as QuizQuestion, ...questions.slice(1, 10)], laws, problems);
    expect(problems).toEqual([]);
    const r = quizQuestionSchema.safeParse({ ...noArticle, law: '刑法' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['article']);
    expect(r.error!.issues[0]!.message).toBe(
      '写了 law（刑法），就要写 article（所考的条文序号）；题目不考具体条文时，law 和 article 都不写',
    );
  });

  it('rejects an answer outside the options, and too few questions', () => {
    const r = quizQuestionSchema.safeParse({ ...questions[0], answer: 4 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(
      '答案序号 4 不对：这道题有 3 个选项，应写 1 到 3 之间的数字',
    );
    const problems: ContentProblem[] = [];
    checkQuiz(questions.slice(0, 5), laws, problems);
    expect(problems.map(formatProblem)).toEqual([
      'content/quiz.yaml：只有 5 道题；每次自测要抽 10 道，至少要写 10 道题',
    ]);
  });
});

describe('npm run check:content on a bad quiz file', () => {
  const projects: TempProject[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  it('fails and names the file, the question and the field', () => {
    const p = tempProject();
    projects.push(p);
    const file = join(p.dir, 'content/quiz.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('  article: 77\n', '  article: 78\n')
        .replace('  answer: 2\n', '  answer: 5\n'),
    );
    const { problems } = checkContentFiles(p.dir);
    const answerLine = readFileSync(file, 'utf8').split('\n').indexOf('  answer: 5') + 1;
    expect(problems.map(formatProblem)).toEqual([
      `content/quiz.yaml · 第 ${answerLine} 行 · 第 1 题（q01） · 字段 answer：答案序号 5 不对：这道题有 3 个选项，应写 1 到 3 之间的数字`,
    ]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('  answer: 5\n', '  answer: 2\n'));
    const r = spawnSync(
      join(process.cwd(), 'node_modules/.bin/node'),
      ['scripts/check-content.ts'],
      { cwd: p.dir, encoding: 'utf8', env: cleanEnv() },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'content/quiz.yaml · 第 1 题（q01） · 字段 article：引用有误：《中华人民共和国反有组织犯罪法》没有第 78 条',
    );
  });
});
