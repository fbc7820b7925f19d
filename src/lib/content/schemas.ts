import { z } from 'astro/zod';
import { exceptionsField } from './exceptions.ts';
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
    exceptions: exceptionsField, // sourced exceptions to the wording rules (exceptions.ts)
  })
  .strict()
  .superRefine(checkDates);

/** 宣传资料: what kind of printed item a material is. */
export const MATERIAL_KINDS = ['标语', '明白卡', '一封信', '海报'] as const;

const positiveInt = (what: string) => z.number({ error: `${what}应为正整数，如 61` }).int({ error: `${what}应为正整数，如 61` }).positive({ error: `${what}应为正整数，如 61` });

/**
 * A citation of a law article: 61, or { article: 61, item: 1 }, or
 * { law: 刑事诉讼法, article: 111, paragraph: 3 }. Resolved against the law data
 * (src/lib/law/cite.ts) when the site is built, so an article that does not exist fails.
 */
export const citationSchema = z.union(
  [
    positiveInt('条文编号'),
    z
      .object({
        law: requiredText.optional(),
        article: positiveInt('article（第几条）'),
        paragraph: positiveInt('paragraph（第几款）').optional(),
        item: positiveInt('item（第几项）').optional(),
      })
      .strict(),
  ],
  { error: '引用条文应写成条文编号（如 61），或 {article: 61, item: 1}、{law: 刑事诉讼法, article: 111, paragraph: 3}' },
);

/** A plain statement of what the law says, with the articles it rests on. */
const statementSchema = z
  .object({
    text: requiredText,
    basis: z.array(citationSchema, { error: '缺少必填字段（依据的条文，如 [7] 或 [{article: 61, item: 1}]）' }).min(1, { error: '至少写一条依据的条文' }),
  })
  .strict();

export const materialSchema = z
  .object({
    title: requiredText,
    kind: enumOf(MATERIAL_KINDS, '资料类型'),
    /** One sentence: what this material is. Shown under the title and used as the description. */
    summary: requiredText.refine((t) => t.length <= 80, { error: '一句话说明请控制在 80 字以内' }),
    code: shortCode,
    /** Position on /materials/ within its kind; smaller comes first. */
    order: z.number({ error: 'order 应为数字，如 10' }).int().default(100),
    /** Key points: plain statements of what the law says, each with its basis. */
    points: z.array(statementSchema, { error: '应为列表，每条写 text（内容）和 basis（依据的条文）' }).default([]),
    /** Law text quoted verbatim from the law data. */
    quotes: z.array(citationSchema, { error: '应为列表，如 [{article: 2, paragraph: 2}]' }).default([]),
    /** 标语: short lines that can be copied onto banners, each with its basis. */
    slogans: z.array(statementSchema, { error: '应为列表，每条写 text（标语）和 basis（依据的条文）' }).default([]),
    /**
     * Reporting channels to list: true for all of them, or the ids of national channels in
     * content/channels.yaml (such as ["12388", "12389"]). Local channels from the site config come first.
     */
    channels: z
      .union([z.boolean(), z.array(z.union([z.number().transform(String), requiredText])).min(1)], {
        error: 'channels 写 true（列出全部举报渠道），或者渠道编号的列表，如 ["12388", "12389"]',
      })
      .default(false),
    published: isoDate,
    updated: isoDate.optional(),
    source: requiredText,
    draft: z.boolean({ error: 'draft 只能写 true 或 false' }).default(false),
    exceptions: exceptionsField,
  })
  .strict()
  .superRefine((m, ctx) => {
    checkDates(m, ctx);
    if (m.kind === '标语' && m.slogans.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['slogans'], message: '标语类资料至少要写一条标语（slogans）' });
    }
    if (m.kind !== '标语' && m.slogans.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['slogans'], message: `只有“标语”类资料才写 slogans；这份资料的类型是“${m.kind}”` });
    }
    if (m.kind === '明白卡' && (m.points.length === 0 || !m.channels)) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: '明白卡要写要点（points），并写 channels: true 列出举报渠道' });
    }
    if (m.kind === '海报' && m.points.length === 0 && m.quotes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: '海报至少要写要点（points）或引用条文（quotes）' });
    }
  });

/**
 * A glossary term. `aliases` are shown to readers as 也说: only words that mean exactly the
 * same. Loose everyday words that should still find the term go in `searchAliases`, which
 * feeds the search hints only and is never shown. `quotes` are the law's own definition,
 * quoted from the law data under the explanation on /glossary/.
 */
export const glossaryEntrySchema = z
  .object({
    term: requiredText,
    definition: requiredText,
    aliases: keywordList,
    searchAliases: keywordList,
    quotes: z.array(citationSchema, { error: '应为列表，如 [{article: 2, paragraph: 2}]' }).default([]),
    articles: z.array(z.number().int()).default([]),
    qa: z.string().optional(),
    exceptions: exceptionsField,
  })
  .strict();

/** Who published a case or news item, and where: required for anything presented as real. */
export const sourceSchema = z
  .object({
    publisher: requiredText,
    reference: requiredText,
    url: z.url({ protocol: /^https?$/, error: '网址格式不对：应以 http:// 或 https:// 开头' }).optional(),
  }, { error: (iss) => (iss.input === undefined ? '缺少必填字段' : '应为一组字段：publisher（发布单位）、reference（原文标题或文号），可选 url') })
  .strict();

const articleList = z.array(z.number({ error: '条文序号应为数字，如 [2, 61]' }).int(), { error: '应为条文序号列表，如 [2, 61]' });

/**
 * 典型案例. A real case needs its source. A made-up example written to explain the
 * law must say so with `scenario: true`, and is then labelled 情景示例 on the page.
 */
export const caseSchema = z
  .object({
    title: requiredText,
    summary: requiredText.refine((t) => t.length <= 120, { error: '摘要请控制在 120 字以内' }),
    date: isoDate,
    scenario: z.boolean({ error: 'scenario 只能写 true 或 false' }).default(false),
    source: sourceSchema.optional(),
    articles: articleList.min(1, { error: '至少写一个相关条文，如 [2]' }),
    keywords: keywordList,
    code: shortCode,
    draft: z.boolean({ error: 'draft 只能写 true 或 false' }).default(false),
    exceptions: exceptionsField,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.scenario && !c.source) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: '真实案例必须写来源 source（publisher 发布单位、reference 原文标题或文号）；如果是为说明法律而编写的情景示例，请写 scenario: true',
      });
    }
    if (c.scenario && c.source) {
      ctx.addIssue({ code: 'custom', path: ['scenario'], message: '情景示例是编写的例子，不能同时写来源 source；真实案例请删去 scenario: true' });
    }
  });

/** 工作动态: news from the local office, always with its source. */
export const newsSchema = z
  .object({
    title: requiredText,
    summary: requiredText.refine((t) => t.length <= 120, { error: '摘要请控制在 120 字以内' }),
    date: isoDate,
    source: sourceSchema,
    articles: articleList.default([]),
    keywords: keywordList,
    code: shortCode,
    draft: z.boolean({ error: 'draft 只能写 true 或 false' }).default(false),
    exceptions: exceptionsField,
  })
  .strict();

/** Search hints for pages without a content file of their own (content/search-pages.yaml). */
export const searchPageSchema = z
  .object({
    path: z.string().regex(/^\/([a-z0-9-]+\/)*$/, { error: '应为站内网址，以“/”开头和结尾，如 /report/' }),
    title: requiredText,
    type: requiredText,
    description: requiredText,
    keywords: keywordList,
  })
  .strict();

export type QaData = z.output<typeof qaSchema>;
export type CaseData = z.output<typeof caseSchema>;
export type NewsData = z.output<typeof newsSchema>;
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;
export type MaterialData = z.output<typeof materialSchema>;
export type Citation = z.output<typeof citationSchema>;

// The quiz's schema has a file of its own; importers of schemas.ts keep finding it here.
export { quizQuestionSchema, type QuizQuestion } from './quiz-schema.ts';
