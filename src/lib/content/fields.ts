import { z } from 'astro/zod';

/** Field types shared by every content collection, with editor-facing Chinese messages. */

export const requiredText = z.string({ error: (iss) => (iss.input === undefined ? '缺少必填字段' : '应为文字') }).trim().min(1, { error: '不能为空' });

/** A date written as 2024-05-01. YAML parsers may hand over a Date or a string. */
export const isoDate = z.union([z.date(), z.string()], { error: '缺少必填字段（日期，如 2024-05-01）' }).transform((v, ctx) => {
  const ok = typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) : true;
  const d = typeof v === 'string' ? new Date(`${v.trim()}T00:00:00Z`) : v;
  const roundTrips = typeof v !== 'string' || (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v.trim());
  if (!ok || Number.isNaN(d.getTime()) || !roundTrips) {
    ctx.addIssue({ code: 'custom', message: `日期格式不对：“${String(v)}”。请写成 2024-05-01 这样的“年-月-日”，月和日都用两位数` });
    return z.NEVER;
  }
  return d;
});

/** Short code for /q/<code>/: 3–8 lowercase letters or digits, fixed once published. */
export const shortCode = z
  .string({ error: (iss) => (iss.input === undefined ? '缺少必填字段（短码，运行 npm run new 会自动生成）' : '应为文字') })
  .regex(/^[a-z0-9]{3,8}$/, { error: '短码只能用 3–8 位小写字母或数字，如 k7m2；发布后不要再改' });

/** Keywords and aliases; YAML reads 110 or 12337 as numbers, so numbers become text. */
export const keywordList = z
  .array(z.union([z.number().transform(String), requiredText]), { error: '应为列表，如 [保护伞, 靠山]' })
  .default([]);

/** Checks that `updated` is not before `published`. */
export function checkDates(data: { published: Date; updated?: Date | undefined }, ctx: z.RefinementCtx): void {
  if (data.updated && data.updated < data.published) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: '更新日期（updated）不能早于发布日期（published）' });
  }
}
