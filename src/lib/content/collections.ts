import type { z } from 'astro/zod';
import type { EntryCollection } from '../routes.ts';
import { caseSchema, materialSchema, newsSchema, qaSchema } from './schemas.ts';

/**
 * The MDX collections editors write, in one place: folder, Chinese name, schema and
 * schema. src/content.config.ts and the content check both read this; an entry's page is
 * entryPath(name, slug) in src/lib/routes.ts.
 */
export interface MdxCollection {
  name: EntryCollection;
  /** Folder under content/. */
  dir: string;
  /** What editors call it. */
  label: string;
  schema: z.ZodType;
}

export const MDX_COLLECTIONS: MdxCollection[] = [
  { name: 'qa', dir: 'qa', label: '问答', schema: qaSchema },
  { name: 'cases', dir: 'cases', label: '典型案例', schema: caseSchema },
  { name: 'news', dir: 'news', label: '工作动态', schema: newsSchema },
  { name: 'materials', dir: 'materials', label: '宣传资料', schema: materialSchema },
];

/** File names become URLs: lowercase letters, digits and single hyphens. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
