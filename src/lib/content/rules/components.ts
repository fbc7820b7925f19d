import type { ContentProblem } from '../../errors/error-map.ts';
import { resolveCitation } from '../../law/cite.ts';
import { lineWhere, type RuleContext } from '../types.ts';

/**
 * MDX syntax, the MDX gate (no code in content: mdx-gate.ts, the same rule the MDX
 * pipeline applies) and the editor components: citations that exist, scenarios that
 * are not empty.
 */
export function componentRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const p of parsed) {
    const mdx = p.mdx;
    if (!mdx) continue;
    const file = p.file.path;
    if (mdx.syntaxError) {
      problems.push({ file, where: lineWhere(mdx.syntaxError.line), message: mdx.syntaxError.message });
      continue;
    }
    for (const g of mdx.gate) problems.push({ file, where: lineWhere(g.line), message: g.message });
    for (const j of mdx.jsx) {
      const where = lineWhere(j.line);
      if (j.name === 'Cite') {
        const { law, article, paragraph, item } = j.attrs;
        const r = resolveCitation(input.laws, { law: typeof law === 'string' ? law : undefined, article, paragraph, item });
        if (!r.ok) problems.push({ file, where, message: `引用有误：${r.message}` });
      }
      if (j.name === 'Scenario' && !j.text) problems.push({ file, where, message: '<Scenario> 里面是空的；请在 <Scenario> 和 </Scenario> 之间写情景示例的内容' });
    }
  }
  return problems;
}
