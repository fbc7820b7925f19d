import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { gateProblems } from '../lib/content/mdx-gate.ts';

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

export function mdxGatePlugin(root: string = process.cwd()) {
  return defineMdastPlugin({
    name: 'aocl-mdx-gate',
    options: { position: true },
    before(tree, ctx) {
      if (ctx.sourceFormat !== 'mdx') return; // law texts (.md) are Markdown: no code to run
      const problems = gateProblems(tree);
      if (problems.length === 0) return;
      const path = ctx.fileURL ? relative(root, fileURLToPath(ctx.fileURL)).split(sep).join('/') : '（MDX 文件）';
      const lines = problems.map((p) => `  ✗ ${path} · 第 ${p.line} 行：${p.message}`);
      throw new MdxGateError([`这个文件里有不允许的写法，页面没有生成（正文里的代码不会运行）：`, ...lines].join('\n'));
    },
  });
}
