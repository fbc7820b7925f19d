import { z } from 'astro/zod';
import { channelSchema } from '../content/channels.ts';
import { OFFLINE_BUDGET_GZIP } from '../offline/select-pages.ts';

/**
 * The deployer's site config (content/site.yaml). Every local fact the site shows
 * (organization, region, local hotlines, a local reward scheme) comes from here.
 */

export const siteConfigSchema = z
  .object({
    /** Site name shown in the header and the <title>. */
    name: z.string().trim().min(1),
    /** 主办单位. Empty in the shipped default; required for a production build. */
    organization: z.string().trim().default(''),
    /** 地区, e.g. 某某县. Empty in the shipped default; required for a production build. */
    region: z.string().trim().default(''),
    /** Public base URL, e.g. https://example.gov.cn/pufa/ (a sub-path is allowed). */
    baseUrl: z.url({
      protocol: /^https?$/,
      error:
        '网址格式不对：应为完整网址，以 http:// 或 https:// 开头，如 https://www.example.gov.cn/',
    }),
    /** Local reporting channels, shown before the national ones. */
    channels: z.array(channelSchema).default([]),
    /** A local reward scheme, shown only when configured, always with its source. */
    rewards: z
      .object({
        summary: z.string().trim().min(1),
        source: z.string().trim().min(1),
        url: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict()
      .optional(),
    /**
     * What 离线保存 may download at most, in MB of gzip. Above it, only the law, 我要举报
     * and the first Q&A of /qa/ are saved (src/lib/offline/select-pages.ts).
     */
    offlineBudgetMB: z
      .number({ error: '应为数字，单位是 MB，如 10' })
      .min(0.5, { error: '至少 0.5（MB）：法律全文和“我要举报”页面就要用到约 0.3 MB' })
      .max(500, { error: '最多 500（MB）：再大，手机上很难一次保存完' })
      .default(OFFLINE_BUDGET_GZIP / 1_000_000),
    /** Registrations shown in the footer of sites hosted in mainland China. */
    footer: z
      .object({
        icp: z.string().trim().min(1).optional(),
        psb: z.string().trim().min(1).optional(),
        siteCode: z.string().trim().min(1).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

const LOCAL_HOST_RE = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])$/i;
const EXAMPLE_HOST_RE = /(^|\.)(example\.(com|org|net|cn|gov\.cn)|example)$/i;

/**
 * Extra rules for a publishing build: no preview or example address, and the
 * organization and region must be set, so nothing printed points nowhere.
 */
export function productionProblems(config: SiteConfig): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const host = new URL(config.baseUrl).hostname;
  if (LOCAL_HOST_RE.test(host)) {
    out.push({
      field: 'baseUrl',
      message: `正式发布不能用本机地址 ${config.baseUrl}：请填写读者能访问的网址，如 https://www.你的单位.gov.cn/`,
    });
  } else if (EXAMPLE_HOST_RE.test(host)) {
    out.push({
      field: 'baseUrl',
      message: `正式发布不能用示例网址 ${config.baseUrl}：请填写本单位网站的真实网址`,
    });
  }
  if (!config.organization)
    out.push({ field: 'organization', message: '正式发布必须填写主办单位（organization）' });
  if (!config.region)
    out.push({ field: 'region', message: '正式发布必须填写地区（region），如“某某县”' });
  return out;
}

export function isPreviewAddress(config: SiteConfig): boolean {
  const host = new URL(config.baseUrl).hostname;
  return LOCAL_HOST_RE.test(host) || EXAMPLE_HOST_RE.test(host);
}
