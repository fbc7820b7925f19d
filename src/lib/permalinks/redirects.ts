import { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import {
  formatProblem,
  issuesToProblems,
  zhErrorMap,
  type ContentProblem,
} from '../errors/error-map.ts';
import { isSitePath } from './manifest.ts';

/**
 * Declared redirects (content/redirects.yaml): the one place where a moved or removed
 * page says where its readers should go instead. Each becomes a static page at `from`
 * (meta refresh + canonical + a visible link), so it works on any host.
 */

export const REDIRECTS_FILE = 'content/redirects.yaml';

const sitePath = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `缺少必填字段（${what}）` : '应为文字') })
    .trim()
    .refine(isSitePath, {
      error: `${what}应为本站路径：以 / 开头、以 / 结尾，不带域名，如 /law/61/`,
    });

export const redirectSchema = z
  .object({
    /** The old path, as printed or shared. */
    from: sitePath('原网址 from'),
    /** Where readers go now. */
    to: sitePath('新网址 to'),
    /** Why, for the next editor. */
    note: z.string().trim().optional(),
  })
  .strict();

export const redirectsSchema = z.array(redirectSchema, { error: '应为列表，每条以“- from:”开头' });

export type Redirect = z.output<typeof redirectSchema>;

export class RedirectsError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      ['网址跳转有误，请修改后重试：', ...problems.map((p) => '  - ' + formatProblem(p))].join(
        '\n',
      ),
    );
    this.name = 'RedirectsError';
    this.problems = problems;
  }
}

/** Parses and checks the redirects file: valid paths, no duplicate `from`, no loops or chains. */
export function parseRedirects(text: string, file: string = REDIRECTS_FILE): Redirect[] {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new RedirectsError(
      doc.errors.map((e) => ({
        file,
        where: e.linePos ? `第 ${e.linePos[0].line} 行` : undefined,
        message: `YAML 格式错误（${e.code}）。常见原因：冒号后少了空格、缩进不齐、“- ”后少了空格。`,
      })),
    );
  }
  const result = redirectsSchema.safeParse(doc.toJS() ?? [], { error: zhErrorMap });
  if (!result.success) throw new RedirectsError(issuesToProblems(file, result.error.issues));
  const list = result.data;

  const problems: ContentProblem[] = [];
  const froms = new Map<string, number>();
  list.forEach((r, i) => {
    const where = `第 ${i + 1} 条（from: ${r.from}）`;
    if (r.from === r.to) problems.push({ file, where, message: 'from 和 to 是同一个网址' });
    if (r.from === '/') problems.push({ file, where, message: '首页不能跳转到别处' });
    const dup = froms.get(r.from);
    if (dup !== undefined)
      problems.push({
        file,
        where,
        message: `第 ${dup + 1} 条已经写了这个原网址；一个网址只能跳到一个地方`,
      });
    else froms.set(r.from, i);
  });
  list.forEach((r, i) => {
    const next = froms.get(r.to);
    if (next !== undefined && next !== i) {
      problems.push({
        file,
        where: `第 ${i + 1} 条（from: ${r.from}）`,
        message: `to 指向的 ${r.to} 本身也是一条跳转（第 ${next + 1} 条）；请直接写最终的网址 ${list[next]!.to}`,
      });
    }
  });
  if (problems.length) throw new RedirectsError(problems);
  return list;
}
