import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { channelSchema } from './lib/content/channels.ts';
import { MDX_COLLECTIONS, type MdxCollection } from './lib/content/collections.ts';
import { contentPath } from './lib/content/dir.ts';
import {
  caseSchema,
  glossaryEntrySchema,
  materialSchema,
  newsSchema,
  qaSchema,
  quizQuestionSchema,
  searchPageSchema,
} from './lib/content/schemas.ts';

/**
 * Content lives in content/ at the project root (not src/content/), so editors
 * find everything they may change in one folder. CONTENT_DIR selects another folder
 * (used by the scale benchmark, `npm run bench:scale`).
 */

/** Law texts, copied verbatim; parsed by src/lib/law/parse.ts. No frontmatter. */
const law = defineCollection({
  loader: glob({ pattern: '*.md', base: contentPath('law') }),
  schema: z.object({}).strict(),
});

/** Q&A, cases and news: flat folders of MDX files; names starting with _ are templates. */
const mdxLoader = (name: MdxCollection['name']) =>
  glob({
    pattern: '[!_]*.mdx',
    base: contentPath(MDX_COLLECTIONS.find((c) => c.name === name)!.dir),
  });

const qa = defineCollection({ loader: mdxLoader('qa'), schema: qaSchema });
const cases = defineCollection({ loader: mdxLoader('cases'), schema: caseSchema });
const news = defineCollection({ loader: mdxLoader('news'), schema: newsSchema });

/** 宣传资料: slogans, 明白卡, the letter to residents and themed posters. */
const materials = defineCollection({
  loader: mdxLoader('materials'),
  schema: materialSchema,
});

/** YAML lists keyed by a field, so each list item becomes one entry; `drop` removes a key-only field. */
const keyedList =
  (key: string, drop = false) =>
  (text: string) => {
    const list = parseYaml(text) as Array<Record<string, unknown>> | null;
    return Object.fromEntries(
      (list ?? []).map((e) => {
        const { [key]: id, ...rest } = e;
        return [String(id), drop ? rest : e];
      }),
    );
  };

const glossary = defineCollection({
  loader: file(contentPath('glossary.yaml'), { parser: keyedList('term') }),
  schema: glossaryEntrySchema,
});

const channels = defineCollection({
  loader: file(contentPath('channels.yaml'), { parser: keyedList('id', true) }),
  schema: channelSchema,
});

const searchPages = defineCollection({
  loader: file(contentPath('search-pages.yaml'), { parser: keyedList('path') }),
  schema: searchPageSchema,
});

/** 应知应会 自测题, in file order; each article is checked against the law data by the content check. */
const quiz = defineCollection({
  loader: file(contentPath('quiz.yaml'), { parser: keyedList('id') }),
  schema: quizQuestionSchema,
});

export const collections = {
  law,
  qa,
  cases,
  news,
  materials,
  glossary,
  channels,
  searchPages,
  quiz,
};
