import { z } from 'astro/zod';
import { checkDates, isoDate, keywordList, requiredText, shortCode } from './fields.ts';

/**
 * Schemas for every content collection. Used by src/content.config.ts for the build
 * and by scripts/check-content.ts for the fast check, so both apply the same rules.
 */

export const TOPICS = [
  '基本概念',
  '打击重点',
  '举报',
  '保护和奖励',
  '财产处置',
  '公职人员',
  '校园和未成年人',
  '基层治理',
  '网络',
  '行业和企业',
  '法律责任',
  '当事人权利',
  '办案程序',
  '国际合作',
  '法律概况',
] as const;

export const AUDIENCES = ['居民', '企业经营者', '学生和家长', '村居干部', '公职人员'] as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? '缺少必填字段' : `“${String(iss.input)}”不是可用的${what}；可以写：${values.join('、')}`) });

export const qaSchema = z
  .object({
    title: requiredText.refine((t) => /[？?]$/.test(t), { error: '问题标题应以问号“？”结尾' }),
    answer: requiredText.refine((t) => t.length <= 80, { error: '一句话回答请控制在 80 字以内' }),
    topics: z.array(enumOf(TOPICS, '主题'), { error: '缺少必填字段（主题列表，如 [举报]）' }).min(1, { error: '至少要写一个主题' }),
    audience: z.array(enumOf(AUDIENCES, '读者对象'), { error: '缺少必填字段（读者对象列表，如 [居民]）' }).min(1, { error: '至少要写一个读者对象' }),
    keywords: keywordList,
    published: isoDate,
    updated: isoDate.optional(),
    source: requiredText,
    code: shortCode,
    related: z.array(z.string()).default([]),
    draft: z.boolean({ error: 'draft 只能写 true 或 false' }).default(false),
  })
  .strict()
  .superRefine(checkDates);

export const glossaryEntrySchema = z
  .object({
    term: requiredText,
    definition: requiredText,
    aliases: keywordList,
    articles: z.array(z.number().int()).default([]),
    qa: z.string().optional(),
  })
  .strict();

export type QaData = z.output<typeof qaSchema>;
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;
