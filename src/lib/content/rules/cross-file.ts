import type { ContentProblem } from '../../errors/error-map.ts';
import type { RuleContext } from '../types.ts';

/**
 * Rules across files: article numbers and related files that must exist, a published
 * page that lists a draft as related (dead in production), and two pages of one
 * collection with the same title (equal after removing spaces and the final ？/?).
 */

/** 举报有奖励吗？ and 举报有奖励吗 are the same title. */
export const titleKey = (t: string): string => t.replace(/[\s\u3000]+/g, '').replace(/[？?]+$/, '');

export function crossFileRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const titles = new Map<string, string>();
  const bySlug = new Map(parsed.map((q) => [`${q.collection.name} ${q.slug}`, q]));
  for (const p of parsed) {
    if (!p.data) continue;
    const file = p.file.path;
    if (typeof p.data.title === 'string') {
      const key = `${p.collection.name} ${titleKey(p.data.title)}`;
      const twin = titles.get(key);
      if (twin) problems.push({ file, where: '字段 title', message: `标题和 ${twin} 相同（“${p.data.title}”）；同一栏目里两篇的标题不能一样，读者分不清。请改一个标题，或者把两篇合成一篇` });
      else titles.set(key, file);
    }
    if (Array.isArray(p.data.articles)) {
      for (const n of p.data.articles as number[]) {
        if (!input.laws.aocl.articles.some((a) => a.number === n)) problems.push({ file, where: '字段 articles', message: `反有组织犯罪法没有第 ${n} 条（共 77 条）` });
      }
    }
    for (const r of (p.data.related as string[] | undefined) ?? []) {
      const target = bySlug.get(`${p.collection.name} ${r}`);
      if (!target) {
        problems.push({ file, where: '字段 related', message: `related 中的“${r}”不存在；应写同一栏目中另一个文件的文件名（不带 .mdx）` });
      } else if (target.data?.draft === true && p.data.draft !== true) {
        problems.push({ file, where: '字段 related', message: `related 中的“${r}”是草稿（${target.file.path}，draft: true），正式发布时没有这个页面；请等它发布后再加，或者先删掉这一项` });
      }
    }
  }
  return problems;
}
