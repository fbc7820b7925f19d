import { EDITOR_COMPONENTS } from './components.ts';

/**
 * The MDX gate: content is data, never code. MDX can run JavaScript at build time
 * (import/export, {expressions}, expressions in attributes), so every construct is
 * refused except plain Markdown, the editor components with their known attributes
 * (a value is text, or {a single number or string literal}), and {/* comments *\/}.
 *
 * Decided on the syntax tree the build itself uses (satteri's mdast: mdxjsEsm,
 * mdxFlowExpression, mdxTextExpression, mdxJsxAttributeValueExpression,
 * mdxJsxExpressionAttribute). Pure: the content check calls it on the tree it parses,
 * and the MDX pipeline (src/integrations/mdx-gate.ts) on the tree it compiles, so the
 * same rule holds in `npm run check:content`, `npm run build` and `astro dev`.
 */

export interface GateProblem {
  line: number;
  message: string;
}

/** The attributes each editor component takes. */
export const COMPONENT_ATTRIBUTES: Record<(typeof EDITOR_COMPONENTS)[number], readonly string[]> = {
  Cite: ['law', 'article', 'paragraph', 'item'],
  Scenario: [],
  Organization: [],
  Region: [],
};

export const COMPONENT_HELP: Record<string, string> = {
  Cite: '<Cite article={61} />',
  Scenario: '<Scenario>……</Scenario>',
  Organization: '<Organization />（主办单位）',
  Region: '<Region />（地区）',
};

const STRING_LITERAL_RE = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')$/;
const NUMBER_LITERAL_RE = /^\d+(?:\.\d+)?$/;

/** An attribute expression that is a single number or string literal: {61}, {"刑法"}. */
export function isLiteralExpression(source: string): boolean {
  const s = source.trim();
  return NUMBER_LITERAL_RE.test(s) || STRING_LITERAL_RE.test(s);
}

/** An expression that holds nothing but one block comment: {/* 编辑备注 *\/}. */
export function isCommentOnly(source: string): boolean {
  const s = source.trim();
  return s.startsWith('/*') && s.endsWith('*/') && s.indexOf('*/') === s.length - 2 && s.length >= 4;
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
}

const ESM_HELP =
  '正文里不能写 import 或 export：MDX 会把它当作程序，在构建网站时运行。可以使用的组件不用导入，直接写，如 <Cite article={61} />；请删掉这一行';
const EXPRESSION_HELP =
  '正文里不能写花括号表达式 {…}：MDX 会把它当作程序运行。要显示花括号，请用全角“｛｝”；给编辑看的备注写成 {/* 备注 */}';

/** Every refused construct in an MDX tree, in document order. */
export function gateProblems(tree: unknown): GateProblem[] {
  const out: GateProblem[] = [];
  const allowed = EDITOR_COMPONENTS as readonly string[];
  const walk = (node: Node, inherited: number) => {
    const line = node.position?.start.line ?? inherited;
    const add = (message: string) => out.push({ line, message });
    switch (node.type) {
      case 'mdxjsEsm':
        add(`${ESM_HELP}（这里写的是“${firstLine(node.value)}”）`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(String(node.value ?? ''))) add(`${EXPRESSION_HELP}（这里写的是“{${firstLine(node.value)}}”）`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!allowed.includes(name)) {
          const known = EDITOR_COMPONENTS.map((c) => COMPONENT_HELP[c] ?? c).join('、');
          add(
            /^[a-z]/.test(name)
              ? `不要在正文里写 HTML 标签 <${name}>；图片请用 ![图片说明](图片地址)，链接请用 [文字](/网址/)`
              : `不认识的组件 <${name}>；可以使用的组件只有：${known}`,
          );
          break; // its children are not looked at: the element itself is refused
        }
        const known = COMPONENT_ATTRIBUTES[name as keyof typeof COMPONENT_ATTRIBUTES];
        const attrHelp = known.length ? `只能写 ${known.join('、')}` : '这个组件不写任何属性';
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute') {
            add(`<${name}> 里不能写 {${String(a.value ?? '')}}（展开属性会被当作程序运行）；${attrHelp}`);
          } else if (!known.includes(a.name ?? '')) {
            add(`<${name}> 不认识属性 ${a.name}；${attrHelp}`);
          } else if (a.value && typeof a.value === 'object') {
            const expr = String((a.value as { value?: unknown }).value ?? '');
            if (!isLiteralExpression(expr)) {
              add(`<${name}> 的属性 ${a.name} 只能写数字或文字，如 article={61}、law="刑法"；这里写的是 {${expr}}，会被当作程序运行`);
            }
          }
        }
        break;
      }
    }
    for (const child of node.children ?? []) walk(child, line);
  };
  walk(tree as Node, 1);
  return out;
}

function firstLine(v: unknown): string {
  const s = String(v ?? '').trim().split('\n')[0]!;
  return s.length > 40 ? s.slice(0, 40) + '……' : s;
}

/** The editor-facing message for a parse error, in Chinese where we know the cause. */
export function syntaxErrorMessage(message: string, lineText: string): string {
  if (lineText.includes('<!--')) {
    return 'MDX 里不能用 <!-- --> 写注释；给编辑看的备注请写成 {/* 备注内容 */}（不会显示在网页上），或者直接删掉';
  }
  return `MDX 格式错误：${message}。常见原因：尖括号 < > 或花括号 { } 没有配对；正文里要写小于号请用“＜”`;
}
