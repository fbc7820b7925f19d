/**
 * 应知应会 自测 in the browser. The questions come from the page's own list (the one
 * shown without JavaScript), so there is one source of truth and nothing to fetch.
 * Answers stay in this page: nothing is stored or sent. ?seed=<n> fixes the draw.
 */
import { drawQuestions, parseSeed, scoreQuiz, shareText, verdict } from '../lib/quiz/quiz.ts';
import scoreCardModule from 'lazy:./score-card.ts';

interface Question {
  id: string;
  answer: number;
  text: string;
  options: string[];
  why: string;
  /** The article tested; none for a question about a fact no article states. */
  source?: { href: string; label: string };
}

function readQuestions(): Question[] {
  return [...document.querySelectorAll<HTMLElement>('.quiz-item')].map((li) => {
    const a = li.querySelector<HTMLAnchorElement>('.quiz-source');
    return {
      id: li.dataset.id!,
      answer: Number(li.dataset.answer),
      text: li.querySelector('.quiz-q')!.textContent!.trim(),
      options: [...li.querySelectorAll('.quiz-options li')].map((o) => o.textContent!.trim()),
      why: li.querySelector('.quiz-why')!.textContent!.trim(),
      source: a ? { href: a.href, label: a.dataset.label ?? a.textContent!.trim() } : undefined,
    };
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { class?: string } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const { class: cls, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  if (cls) e.className = cls;
  e.append(...children);
  return e;
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

export function startQuiz(): void {
  const app = document.querySelector<HTMLElement>('#quiz-app');
  if (!app) return;
  const all = readQuestions();
  const length = Number(app.dataset.length) || 10;
  const url = app.dataset.url ?? location.href;

  function run(seed: number): void {
    const questions = drawQuestions(all, length, seed);
    const answers = new Map<string, number>();
    app!.dataset.seed = String(seed);

    const show = (i: number) => {
      const q = questions[i]!;
      const heading = el('h2', { tabIndex: -1 }, q.text);
      const feedback = el('div', { class: 'quiz-feedback' });
      const choices = q.options.map((text, k) =>
        el('button', { type: 'button', class: 'quiz-choice', onclick: () => answer(k + 1) }, text),
      );
      const card = el(
        'div',
        { class: 'quiz-card' },
        el('p', { class: 'quiz-progress' }, `第 ${i + 1} 题，共 ${questions.length} 题`),
        heading,
        el('div', { class: 'quiz-choices' }, ...choices),
        feedback,
      );
      card.dataset.question = q.id;
      function answer(n: number): void {
        if (answers.has(q.id)) return;
        answers.set(q.id, n);
        const right = n === q.answer;
        choices.forEach((b, k) => {
          b.setAttribute('aria-disabled', 'true');
          if (k + 1 === q.answer) {
            b.classList.add('is-right');
            b.append('（正确答案）');
          } else if (k + 1 === n) {
            b.classList.add('is-wrong');
            b.append('（您的选择）');
          }
        });
        const last = i + 1 === questions.length;
        const verdictLine = el(
          'p',
          { class: 'quiz-verdict', tabIndex: -1 },
          right ? '✓ 答对了！' : `✗ 答错了。正确答案是：${q.options[q.answer - 1]}`,
        );
        feedback.append(
          verdictLine,
          el('p', {}, q.why),
          ...(q.source
            ? [
                el(
                  'p',
                  {},
                  el(
                    'a',
                    { href: q.source.href, class: 'quiz-source' },
                    `看法律原文：${q.source.label}`,
                  ),
                ),
              ]
            : []),
          el(
            'div',
            { class: 'quiz-actions' },
            el(
              'button',
              {
                type: 'button',
                class: 'quiz-next',
                onclick: () => (last ? result() : show(i + 1)),
              },
              last ? '看成绩' : '下一题',
            ),
          ),
        );
        verdictLine.focus();
      }
      app!.replaceChildren(card);
      if (i > 0) heading.focus();
    };

    const result = () => {
      const score = scoreQuiz(questions, answers);
      const text = shareText(score, url);
      const heading = el(
        'h2',
        { class: 'quiz-score', tabIndex: -1 },
        `您答对了 ${score.correct} 道题（共 ${score.total} 道）`,
      );
      const status = el('p', { className: 'tool-status' });
      status.setAttribute('role', 'status');
      const copy = el('button', { type: 'button' }, '复制成绩');
      copy.dataset.copy = text; // handled by the page's [data-copy] listener (src/client/copy.ts)
      const image = el('button', { type: 'button' }, '生成成绩图片');
      image.addEventListener('click', () => {
        void (
          import(/* @vite-ignore */ scoreCardModule) as Promise<typeof import('./score-card.ts')>
        ).then((m) =>
          m.shareScoreCard({
            score,
            url,
            site: app!.dataset.site ?? '',
            text,
            after: tools,
            status,
          }),
        );
      });
      const tools = el(
        'div',
        { class: 'quiz-actions' },
        copy,
        image,
        el('button', { type: 'button', onclick: () => run(randomSeed()) }, '再测一次'),
        status,
      );
      tools.dataset.tools = '';
      const card = el(
        'div',
        { class: 'quiz-card quiz-result' },
        heading,
        el('p', {}, verdict(score)),
        tools,
      );
      card.dataset.correct = String(score.correct);
      app!.replaceChildren(card);
      heading.focus();
    };

    show(0);
  }

  run(parseSeed(new URLSearchParams(location.search).get('seed')) ?? randomSeed());
}
