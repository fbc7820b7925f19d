import { z } from 'astro/zod';
import { exceptionsField } from './exceptions.ts';
import { requiredText } from './fields.ts';


/**
 * 应知应会 自测题 (content/quiz.yaml). `answer` counts options from 1; `article` (optional) is
 * the article tested, in 反有组织犯罪法 unless `law` names 刑法 or 刑事诉讼法. The article is
 * checked against the law data like a <Cite> (src/lib/content/check-files.ts).
 */
export const quizQuestionSchema = z
  .object({
    id: z.string({ error: (iss) => (iss.input === undefined ? '缺少必填字段（题目编号，如 q37）' : '应为文字，如 q37') }).regex(/^[a-z0-9-]+$/, {
      error: '题目编号只能用小写英文字母、数字和连字符，如 q37',
    }),
    question: requiredText,
    options: z
      .array(z.union([z.number().transform(String), requiredText]), { error: '应为选项列表，如 [甲, 乙, 丙]' })
      .min(2, { error: '至少要有 2 个选项' })
      .max(6, { error: '最多 6 个选项' }),
    answer: z.number({ error: (iss) => (iss.input === undefined ? '缺少必填字段（正确选项的序号，从 1 数起）' : '应为数字：正确选项的序号，从 1 数起') }).int({ error: '应为整数' }),
    explanation: requiredText.refine((t) => t.length <= 120, { error: '解释请控制在 120 字以内' }),
    law: z.string({ error: '应为文字：刑法或刑事诉讼法；考反有组织犯罪法时不写' }).optional(),
    /** Optional: a question about a fact no article states (such as 12337) has no article and no law link. */
    article: z.number({ error: '条文序号应为数字，如 61' }).int({ error: '条文序号应为整数，如 61' }).optional(),
    exceptions: exceptionsField,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.answer < 1 || q.answer > q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案序号 ${q.answer} 不对：这道题有 ${q.options.length} 个选项，应写 1 到 ${q.options.length} 之间的数字` });
    }
    if (q.law !== undefined && q.article === undefined) {
      ctx.addIssue({ code: 'custom', path: ['article'], message: `写了 law（${q.law}），就要写 article（所考的条文序号）；题目不考具体条文时，law 和 article 都不写` });
    }
    if (new Set(q.options).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: '有两个选项完全相同；请改成不同的说法' });
    }
  });

export type QuizQuestion = z.output<typeof quizQuestionSchema>;
