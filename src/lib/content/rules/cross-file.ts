import type { ContentProblem } from '../../errors/error-map.ts';
import type { RuleContext } from '../types.ts';

/** Fields that point elsewhere: article numbers that must exist, related files that must exist. */
export function crossFileRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const p of parsed) {
    if (!p.data) continue;
    const file = p.file.path;
    if (Array.isArray(p.data.articles)) {
      for (const n of p.data.articles as number[]) {
        if (!input.laws.aocl.articles.some((a) => a.number === n)) problems.push({ file, where: '字段 articles', message: `反有组织犯罪法没有第 ${n} 条（共 77 条）` });
      }
    }
    for (const r of (p.data.related as string[] | undefined) ?? []) {
      if (!parsed.some((q) => q.collection.name === p.collection.name && q.slug === r)) {
        problems.push({ file, where: '字段 related', message: `related 中的“${r}”不存在；应写同一栏目中另一个文件的文件名（不带 .mdx）` });
      }
    }
  }
  return problems;
}
