import type { ContentProblem } from '../../errors/error-map.ts';
import { splitFrontmatter } from '../mdx.ts';
import { TODO } from '../templates.ts';
import { lineWhere, type RuleContext } from '../types.ts';

/** Nothing half-written is published: a body that still has 【请填写】 marks is refused (the field block is checked while parsing). */
export function placeholderRules({ parsed }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const p of parsed) {
    const { body, bodyLine } = splitFrontmatter(p.file.text);
    body.split('\n').forEach((l, i) => {
      if (l.includes(TODO)) problems.push({ file: p.file.path, where: lineWhere(bodyLine + i), message: `正文里还有没填写的内容（${TODO}）；请换成实际内容` });
    });
  }
  return problems;
}
