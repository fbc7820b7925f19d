import type { ContentProblem } from '../../errors/error-map.ts';
import { resolveCitation } from '../../law/cite.ts';
import { EDITOR_COMPONENTS } from '../components.ts';
import { lineWhere, type RuleContext } from '../types.ts';

/** MDX syntax, and the editor components: only the known ones, each used correctly. */

const COMPONENT_HELP: Record<string, string> = {
  Cite: '<Cite article={61} />',
  Scenario: '<Scenario>……</Scenario>',
  Organization: '<Organization />（主办单位）',
  Region: '<Region />（地区）',
};

export function componentRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const p of parsed) {
    const mdx = p.mdx;
    if (!mdx) continue;
    const file = p.file.path;
    if (mdx.syntaxError) {
      problems.push({
        file,
        where: lineWhere(mdx.syntaxError.line),
        message: `MDX 格式错误：${mdx.syntaxError.message}。常见原因：尖括号 < > 或花括号 { } 没有配对；正文里要写小于号请用“＜”`,
      });
      continue;
    }
    for (const j of mdx.jsx) {
      const where = lineWhere(j.line);
      if (!(EDITOR_COMPONENTS as readonly string[]).includes(j.name)) {
        const known = EDITOR_COMPONENTS.map((c) => COMPONENT_HELP[c] ?? c).join('、');
        problems.push({
          file,
          where,
          message: /^[a-z]/.test(j.name)
            ? `不要在正文里写 HTML 标签 <${j.name}>；图片请用 ![图片说明](图片地址)，链接请用 [文字](/网址/)`
            : `不认识的组件 <${j.name}>；可以使用的组件只有：${known}`,
        });
        continue;
      }
      if (j.name === 'Cite') {
        const { law, article, paragraph, item, ...rest } = j.attrs;
        for (const extra of Object.keys(rest)) problems.push({ file, where, message: `<Cite> 不认识属性 ${extra}；只能写 law、article、paragraph、item` });
        const r = resolveCitation(input.laws, { law: typeof law === 'string' ? law : undefined, article, paragraph, item });
        if (!r.ok) problems.push({ file, where, message: `引用有误：${r.message}` });
      }
      if (j.name === 'Scenario' && !j.text) problems.push({ file, where, message: '<Scenario> 里面是空的；请在 <Scenario> 和 </Scenario> 之间写情景示例的内容' });
    }
  }
  return problems;
}
