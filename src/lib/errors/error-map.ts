import type { z } from 'astro/zod';

/**
 * A Zod error map that speaks to editors in plain Chinese. Schemas may still give
 * their own message for a field; this covers the generic cases.
 */

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（每行以“- ”开头）',
  object: '一组字段',
  date: '日期（如 2024-05-01）',
  int: '整数',
};

type Issue = z.core.$ZodRawIssue;

export function zhErrorMap(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return '缺少必填字段';
      if (iss.input === null) return '字段不能留空';
      const expected = TYPE_NAMES[String(iss.expected)] ?? String(iss.expected);
      return `应为${expected}`;
    }
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return min <= 1 ? '不能为空' : `至少要写 ${min} 个字`;
      if (iss.origin === 'array') return min <= 1 ? '至少要有一项' : `至少要有 ${min} 项`;
      return `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return `不能超过 ${max} 个字`;
      if (iss.origin === 'array') return `最多 ${max} 项`;
      return `不能大于 ${max}`;
    }
    case 'invalid_value':
      return `不是允许的值；可以写：${iss.values.map(String).join('、')}`;
    case 'invalid_format':
      if (iss.format === 'url') return '应为完整网址，以 http:// 或 https:// 开头';
      return `格式不对（应为 ${iss.format}）`;
    case 'unrecognized_keys':
      return `不认识的字段：${iss.keys.join('、')}（是不是拼错了？）`;
    case 'invalid_union':
      return '格式不对';
    default:
      return undefined;
  }
}

/** "channels[0].phone" for a Zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out;
}

export interface ContentProblem {
  /** Path relative to the project root, e.g. content/site.yaml. */
  file: string;
  /** Field path (e.g. channels[0].phone) or "第 12 行". */
  where?: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return p.where ? `${p.file} · ${p.where}：${p.message}` : `${p.file}：${p.message}`;
}

export function issuesToProblems(
  file: string,
  issues: ReadonlyArray<z.core.$ZodIssue>,
): ContentProblem[] {
  return issues.map((iss) => ({
    file,
    where: iss.path.length ? `字段 ${formatPath(iss.path)}` : undefined,
    message: iss.message,
  }));
}
