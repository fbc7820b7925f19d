import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, mdxToMdast, type PluginFactoryContext } from 'satteri';
import { gateProblems, syntaxErrorMessage } from '../lib/content/mdx-gate.ts';

/**
 * The MDX gate inside the Markdown/MDX pipeline (a satteri mdast plugin, like
 * base-links.ts): before any MDX file is compiled to code, its syntax tree is checked
 * by the same pure rule as `npm run check:content` (src/lib/content/mdx-gate.ts). A
 * refused construct stops the compile with the editor-facing Chinese list, so nothing
 * an editor writes runs: not in a build, and not in `astro dev`, where a visual editor
 * saves a file and the dev server compiles it.
 */

export class MdxGateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MdxGateError';
  }
}

const shownPath = (root: string, url: URL | undefined) =>
  url ? relative(root, fileURLToPath(url)).split(sep).join('/') : '（MDX 文件）';

/**
 * MDX cannot parse an HTML comment (<!-- -->) and its parser says so in English, before
 * any plugin sees a tree. The plugin factory runs before parsing: when the source has
 * "<!--", it parses it first and, if that is the error, says in Chinese what to write.
 */
function explainHtmlComment(root: string, ctx: PluginFactoryContext): void {
  if (ctx.sourceFormat !== 'mdx' || !ctx.source.includes('<!--')) return;
  try {
    mdxToMdast(ctx.source);
  } catch (e) {
    const m = /^(\d+):\d+:\s*(.*)$/s.exec(e instanceof Error ? e.message : String(e));
    const line = m ? Number(m[1]) : 0;
    const lineText = ctx.source.split(/\r?\n/)[line - 1] ?? '';
    if (!lineText.includes('<!--')) return; // another syntax error: the parser reports it
    throw new MdxGateError(
      `这个文件里有不允许的写法，页面没有生成：\n  ✗ ${shownPath(root, ctx.fileURL)} · 第 ${line} 行：${syntaxErrorMessage(m?.[2] ?? '', lineText)}`,
    );
  }
}

export function mdxGatePlugin(root: string = process.cwd()) {
  return (factory: PluginFactoryContext) => {
    explainHtmlComment(root, factory);
    return gate(root);
  };
}

function gate(root: string) {
  return defineMdastPlugin({
    name: 'aocl-mdx-gate',
    options: { position: true },
    before(tree, ctx) {
      if (ctx.sourceFormat !== 'mdx') return; // law texts (.md) are Markdown: no code to run
      const problems = gateProblems(tree);
      if (problems.length === 0) return;
      const path = shownPath(root, ctx.fileURL);
      const lines = problems.map((p) => `  ✗ ${path} · 第 ${p.line} 行：${p.message}`);
      throw new MdxGateError(
        [`这个文件里有不允许的写法，页面没有生成（正文里的代码不会运行）：`, ...lines].join('\n'),
      );
    },
  });
}
