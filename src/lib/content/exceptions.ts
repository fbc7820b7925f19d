import { z } from 'astro/zod';
import type { ContentProblem } from '../errors/error-map.ts';

/**
 * One exception format for every content rule that allows exceptions (the wording
 * rules: promise words, phone numbers, reward amounts). An editor who really means a
 * sentence, because it quotes a sourced fact, writes in the file's field block (or on
 * the entry, in glossary.yaml, quiz.yaml and channels.yaml):
 *
 *   exceptions:
 *     - rule: 承诺用语
 *       phrase: 一定
 *       reason: 引自某某县扫黑办 2026 年 5 月 1 日公告
 *
 * An exception covers the hits of that rule whose phrase or sentence contains `phrase`.
 * An unknown rule, a missing reason and an exception that matches nothing are errors,
 * so exceptions never outlive the sentence they were written for.
 */

/** Rule ids, as editors write them (Chinese, as in the error messages). */
export const EXCEPTION_RULES = {
  承诺用语: '奖励、匿名、保密、保护、诬告等话题中的绝对化承诺（一定、保证、绝对……）',
  电话号码: '不是全国渠道、也不在 content/site.yaml 里的电话号码',
  奖励金额: '和“奖励”“奖金”写在同一句里的金额',
} as const;
export type ExceptionRule = keyof typeof EXCEPTION_RULES;
const RULE_IDS = Object.keys(EXCEPTION_RULES) as [ExceptionRule, ...ExceptionRule[]];

export const exceptionSchema = z
  .object({
    rule: z.enum(RULE_IDS, {
      error: (iss) =>
        iss.input === undefined ? `缺少 rule（写哪条规则的例外：${RULE_IDS.join('、')}）` : `不认识的规则“${String(iss.input)}”；只能写：${RULE_IDS.join('、')}`,
    }),
    phrase: z.union([z.number().transform(String), z.string().trim().min(1)], { error: '缺少 phrase（例外的词语或号码，照正文原样写）' }),
    reason: z.string({ error: '缺少 reason：请写明为什么可以这样写，以及出处（发布单位、文件或报道）' }).trim().min(1, {
      error: '缺少 reason：请写明为什么可以这样写，以及出处（发布单位、文件或报道）',
    }),
  })
  .strict();

export const exceptionsField = z.array(exceptionSchema, { error: '应为列表，每条写 rule、phrase、reason' }).default([]);

export type ContentException = z.output<typeof exceptionSchema>;

/** A finding of a wording rule that exceptions may cover. */
export interface WordingHit extends ContentProblem {
  /** null: a rule without exceptions (12337 with a calling word, definitions). */
  rule: ExceptionRule | null;
  /** The words found (一定, 13800000000, 5000元). */
  phrase: string;
  sentence: string;
}

/** Where exceptions are declared: a file's field block, or one entry of a data file. */
export interface ExceptionScope {
  file: string;
  /** e.g. 词条“恶势力组织”; undefined for an MDX file. */
  entry?: string;
  /** Line of the exceptions field, for "matches nothing". */
  line?: number;
  exceptions: ContentException[];
}

const covers = (e: ContentException, h: WordingHit) => e.rule === h.rule && (h.phrase === e.phrase || h.sentence.includes(e.phrase));

/** The hits no exception covers, and an error for every exception that covers nothing. */
export function applyExceptions(scope: ExceptionScope, hits: WordingHit[]): ContentProblem[] {
  const used = new Set<ContentException>();
  const left: ContentProblem[] = [];
  for (const h of hits) {
    const e = scope.exceptions.find((x) => covers(x, h));
    if (e) used.add(e);
    else left.push({ file: h.file, where: h.where, message: h.message });
  }
  scope.exceptions.forEach((e, i) => {
    if (used.has(e)) return;
    const where = [scope.line ? `第 ${scope.line} 行` : undefined, scope.entry, `字段 exceptions[${i}]`].filter(Boolean).join(' · ');
    left.push({
      file: scope.file,
      where,
      message: `这条例外（${e.rule}：“${e.phrase}”）没有对应的内容：正文里已经没有这样的句子了。请删掉这条例外，或者检查 phrase 是否和正文一字不差`,
    });
  });
  return left;
}
