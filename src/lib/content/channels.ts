import { z } from 'astro/zod';
import { exceptionsField } from './exceptions.ts';
import { isoDate, requiredText } from './fields.ts';

/**
 * Reporting channels. National ones live in content/channels.yaml (facts only from the
 * reference fact sheet); local ones in the deployer's content/site.yaml. One schema for both.
 */

/** Mainland phone formats: 0871-12345678, 087112345678, 13800000000, 110, 12388, 400-123-4567. */
export const PHONE_RE = /^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9}|1\d{2,4}|400-?\d{3}-?\d{4})$/;

export const phoneSchema = z
  .string({ error: '应为文字' })
  .trim()
  .regex(PHONE_RE, {
    error: '电话号码格式不对：应为“区号-号码”（如 0871-12345678）、11 位手机号，或 110 这样的短号码；不要写空格、括号或文字',
  });

export const CHANNEL_KINDS = ['online', 'phone', 'mail', 'in-person'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  online: '网上平台',
  phone: '电话',
  mail: '信件',
  'in-person': '当面',
};

export const channelSchema = z
  .object({
    name: requiredText,
    kind: z.enum(CHANNEL_KINDS, {
      error: (iss) =>
        iss.input === undefined
          ? '缺少必填字段（渠道类型）'
          : `渠道类型（kind）“${String(iss.input)}”不认识；只能是：${CHANNEL_KINDS.map((k) => `${k}（${CHANNEL_KIND_LABELS[k]}）`).join('、')}`,
    }),
    /** What the channel is for. */
    purpose: requiredText,
    /** How to reach it, in words (scan a code, search, visit, call). */
    how: requiredText.optional(),
    phone: phoneSchema.optional(),
    /** false when a one-tap call would not work, e.g. 12389 needs the area code of the level first. */
    dial: z.boolean({ error: 'dial 只能写 true 或 false' }).default(true),
    url: z.url({ protocol: /^https?$/, error: '网址格式不对：应以 http:// 或 https:// 开头' }).optional(),
    address: requiredText.optional(),
    hours: requiredText.optional(),
    jurisdiction: z.enum(['national', 'local'], { error: 'jurisdiction 只能是 national（全国）或 local（本地）' }).default('local'),
    /** Where the fact comes from: the publishing body and document or notice. */
    source: requiredText,
    /** The date someone last checked that the channel works as described. */
    verified: isoDate,
    /** Sourced exceptions to the wording rules (src/lib/content/exceptions.ts). */
    exceptions: exceptionsField,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'phone' && !c.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '电话类渠道必须填写 phone（电话号码）' });
    }
    if (c.kind === 'online' && c.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '网上平台不能填写电话号码；如果也有电话，请另写一条 kind: phone 的渠道' });
    }
    if (c.kind === 'online' && !c.url && !c.how) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: '网上平台必须填写 url（网址）或 how（怎样找到它）' });
    }
    if ((c.kind === 'mail' || c.kind === 'in-person') && !c.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '信件或当面举报必须填写 address（地址）' });
    }
  });

export type Channel = z.output<typeof channelSchema>;

/** Months since a channel was verified; the build warns past 12. */
export function monthsSince(date: Date, now: Date): number {
  return (now.getUTCFullYear() - date.getUTCFullYear()) * 12 + (now.getUTCMonth() - date.getUTCMonth()) - (now.getUTCDate() < date.getUTCDate() ? 1 : 0);
}
