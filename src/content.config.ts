import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { channelSchema } from './lib/content/channels.ts';
import { contentPath } from './lib/content/dir.ts';
import { glossaryEntrySchema, qaSchema } from './lib/content/schemas.ts';

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

const qa = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentPath('qa') }),
  schema: qaSchema,
});

/** YAML lists keyed by a field, so each list item becomes one entry; `drop` removes a key-only field. */
const keyedList = (key: string, drop = false) => (text: string) => {
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

export const collections = { law, qa, glossary, channels };
