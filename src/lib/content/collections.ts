import type { z } from 'astro/zod';
import { caseSchema, materialSchema, newsSchema, qaSchema } from './schemas.ts';

/**
 * The MDX collections editors write, in one place: folder, Chinese name, schema and
 * the URL of an entry. src/content.config.ts and the content check both read this.
 */
export interface MdxCollection {
  name: 'qa' | 'cases' | 'news' | 'materials';
  /** Folder under content/. */
  dir: string;
  /** What editors call it. */
  label: string;
  schema: z.ZodType;
  path: (slug: string) => string;
}

export const MDX_COLLECTIONS: MdxCollection[] = [
  { name: 'qa', dir: 'qa', label: '问答', schema: qaSchema, path: (s) => `/qa/${s}/` },
  { name: 'cases', dir: 'cases', label: '典型案例', schema: caseSchema, path: (s) => `/cases/${s}/` },
  { name: 'news', dir: 'news', label: '工作动态', schema: newsSchema, path: (s) => `/news/${s}/` },
  { name: 'materials', dir: 'materials', label: '宣传资料', schema: materialSchema, path: (s) => `/materials/${s}/` },
];

/** File names become URLs: lowercase letters, digits and single hyphens. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
