import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig, SiteConfigError } from '../../src/lib/config/load.ts';

const FILE = 'content/site.yaml';
const valid = `name: 测试站\nbaseUrl: https://pufa.example-county.cn/\norganization: 某某县委政法委\nregion: 某某县\n`;

const errorOf = (text: string, opts: { production?: boolean } = {}): string => {
  try {
    parseSiteConfig(text, FILE, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(SiteConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a SiteConfigError');
};

describe('site config validation', () => {
  it('accepts the shipped default config', () => {
    const c = parseSiteConfig(readFileSync(FILE, 'utf8'), FILE);
    expect(c.baseUrl).toBe('http://localhost:4321');
    expect(c.channels).toEqual([]);
  });

  it('rejects a missing base URL, naming the file and the field', () => {
    const msg = errorOf('name: 测试站\n');
    expect(msg).toContain('content/site.yaml · 字段 baseUrl');
    expect(msg).toContain('网址');
  });

  it('rejects a malformed phone number in a local channel, naming the field', () => {
    const msg = errorOf(
      valid +
        `channels:\n  - name: 县公安局举报电话\n    kind: phone\n    phone: "0871 1234"\n    purpose: 举报涉黑涉恶线索\n    source: 县公安局公告\n    verified: 2026-01-05\n`,
    );
    expect(msg).toContain('content/site.yaml · 字段 channels[0].phone');
    expect(msg).toContain('电话号码格式不对');
  });

  it('rejects an unknown channel kind and lists the allowed ones', () => {
    const msg = errorOf(
      valid +
        `channels:\n  - name: 微信\n    kind: wechat\n    purpose: 举报\n    source: 公告\n    verified: 2026-01-05\n`,
    );
    expect(msg).toContain('字段 channels[0].kind');
    expect(msg).toContain('“wechat”不认识');
    expect(msg).toContain('online（网上平台）');
  });

  it('rejects an online channel with a phone number', () => {
    const msg = errorOf(
      valid +
        `channels:\n  - name: 平台\n    kind: online\n    url: https://a.example-county.cn/\n    phone: "12337"\n    purpose: 举报\n    source: 公告\n    verified: 2026-01-05\n`,
    );
    expect(msg).toContain('channels[0].phone');
    expect(msg).toContain('网上平台不能填写电话号码');
  });

  it('reports YAML syntax errors with a line number', () => {
    expect(errorOf('name: 测试站\nbaseUrl: [unclosed\n')).toMatch(
      /content\/site\.yaml · 第 \d+ 行：YAML 格式错误/,
    );
  });

  it('takes an offline budget in MB, 10 by default, and says what is wrong with a bad one', () => {
    expect(parseSiteConfig(valid, FILE).offlineBudgetMB).toBe(10);
    expect(parseSiteConfig(valid + 'offlineBudgetMB: 25\n', FILE).offlineBudgetMB).toBe(25);
    expect(errorOf(valid + 'offlineBudgetMB: 十\n')).toContain(
      '字段 offlineBudgetMB：应为数字，单位是 MB',
    );
    expect(errorOf(valid + 'offlineBudgetMB: 0.1\n')).toContain('至少 0.5（MB）');
  });

  it('rejects an unknown field', () => {
    expect(errorOf(valid + 'organisation: 拼错了\n')).toContain('不认识的字段：organisation');
  });

  it('refuses a localhost address, an empty organization and region in a production build', () => {
    const msg = errorOf('name: 测试站\nbaseUrl: http://localhost:4321\n', { production: true });
    expect(msg).toContain('字段 baseUrl：正式发布不能用本机地址');
    expect(msg).toContain('字段 organization');
    expect(msg).toContain('字段 region');
    expect(
      errorOf(valid.replace('pufa.example-county.cn', 'www.example.com'), { production: true }),
    ).toContain('示例网址');
    expect(parseSiteConfig(valid, FILE, { production: true }).organization).toBe('某某县委政法委');
  });
});

describe('national channels data', () => {
  it('content/channels.yaml is valid, and the schema rejects a malformed entry naming the field', async () => {
    const { parse } = await import('yaml');
    const { z } = await import('astro/zod');
    const { channelSchema } = await import('../../src/lib/content/channels.ts');
    const { zhErrorMap, issuesToProblems, formatProblem } =
      await import('../../src/lib/errors/error-map.ts');
    const list = parse(readFileSync('content/channels.yaml', 'utf8')) as Array<
      Record<string, unknown>
    >;
    const schema = z.array(channelSchema.and(z.object({ id: z.string() })));
    expect(schema.safeParse(list, { error: zhErrorMap }).success).toBe(true);
    const broken = list.map((c) =>
      c.id === '12337'
        ? { ...c, phone: '12337' }
        : c.id === '110'
          ? { ...c, verified: '2026-02-30' }
          : c,
    );
    const r = schema.safeParse(broken, { error: zhErrorMap });
    expect(r.success).toBe(false);
    const messages = issuesToProblems('content/channels.yaml', r.error!.issues).map(formatProblem);
    expect(messages).toContain(
      'content/channels.yaml · 字段 [1].phone：网上平台不能填写电话号码；如果也有电话，请另写一条 kind: phone 的渠道',
    );
    expect(
      messages.some((m) => m.startsWith('content/channels.yaml · 字段 [0].verified：日期格式不对')),
    ).toBe(true);
  });
});
