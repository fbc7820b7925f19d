import { mdxToMdast, type MdastNode } from 'satteri';
import { gateProblems, syntaxErrorMessage, type GateProblem } from './mdx-gate.ts';

/**
 * Reads an MDX file the way the build does (satteri is Astro 7's MDX parser) and
 * lists what the content checks need: the frontmatter text, JSX components with
 * their literal attribute values, links and images (reference-style ones resolved
 * through their definitions), the text of each block outside <Cite>, and what the
 * MDX gate refuses, each with a line number.
 */

export type AttrValue = string | number | boolean | null | { expression: string };

export interface JsxUse {
  name: string;
  attrs: Record<string, AttrValue>;
  line: number;
  /** Plain text inside the element (for <Scenario>…</Scenario>). */
  text: string;
}
export interface LinkUse {
  url: string;
  line: number;
}
export interface ImageUse {
  url: string;
  alt: string;
  line: number;
}
/** The text of one block (paragraph, heading, table cell), outside quoted law. */
export interface TextBlock {
  text: string;
  /** Line of the block's first character; a "\n" in text is the next line. */
  line: number;
}

export interface MdxAnalysis {
  /** Raw YAML between the --- fences, or undefined when there is none. */
  frontmatter: string | undefined;
  /** Line number of the first YAML line in the file (for error messages). */
  frontmatterLine: number;
  jsx: JsxUse[];
  links: LinkUse[];
  images: ImageUse[];
  /** Text the reader sees, block by block, leaving out <Cite> (quoted law is never checked). */
  blocks: TextBlock[];
  /** Constructs the MDX gate refuses (src/lib/content/mdx-gate.ts). */
  gate: GateProblem[];
  /** Set when the MDX does not parse; the message is for editors. */
  syntaxError?: { line: number; message: string };
}

/** The field block; a UTF-8 BOM (Notepad) before it and Windows line ends are accepted. */
const FRONTMATTER_RE = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---\s*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): { yaml: string | undefined; body: string; bodyLine: number } {
  const m = FRONTMATTER_RE.exec(source);
  if (!m) return { yaml: undefined, body: source, bodyLine: 1 };
  const bodyLine = m[0].split('\n').length;
  return { yaml: m[1] ?? '', body: source.slice(m[0].length), bodyLine };
}

function attrValue(v: unknown): AttrValue {
  if (v === null || v === undefined) return true; // <Tag flag />
  if (typeof v === 'string') return v;
  const raw = String((v as { value?: unknown }).value ?? '').trim();
  try {
    const parsed: unknown = JSON.parse(raw);
    if (['string', 'number', 'boolean'].includes(typeof parsed) || parsed === null) return parsed as AttrValue;
  } catch {
    /* not a literal */
  }
  return { expression: raw };
}

function textOf(node: MdastNode): string {
  const n = node as { value?: unknown; children?: MdastNode[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

const lineOf = (node: MdastNode): number => (node as { position?: { start: { line: number } } }).position?.start.line ?? 0;

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

/** Text of a block without the <Cite> elements in it. */
function textOutsideCite(node: MdastNode): string {
  const n = node as { type: string; name?: string; value?: unknown; children?: MdastNode[] };
  if ((n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') && n.name === 'Cite') return '';
  if (n.type === 'mdxTextExpression' || n.type === 'mdxFlowExpression') return '';
  if (typeof n.value === 'string') return n.value;
  if (n.type === 'break') return '\n';
  return (n.children ?? []).map(textOutsideCite).join('');
}

export function analyseMdx(source: string): MdxAnalysis {
  const { yaml } = splitFrontmatter(source);
  const result: MdxAnalysis = { frontmatter: yaml, frontmatterLine: 2, jsx: [], links: [], images: [], blocks: [], gate: [] };
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const line = m ? Number(m[1]) : 0;
    const lineText = source.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1] ?? '';
    result.syntaxError = { line, message: syntaxErrorMessage(m ? m[3]! : message, lineText) };
    return result;
  }
  result.gate = gateProblems(tree);
  // Reference-style links and images ([文字][id], ![说明][id]) take their target from a definition.
  const definitions = new Map<string, string>();
  const collect = (node: MdastNode) => {
    const n = node as unknown as { type: string; identifier?: string; url?: string; children?: MdastNode[] };
    if (n.type === 'definition' && n.identifier && !definitions.has(n.identifier)) definitions.set(n.identifier, String(n.url));
    for (const child of n.children ?? []) collect(child);
  };
  collect(tree);
  const walk = (node: MdastNode) => {
    const n = node as unknown as Record<string, unknown> & { type: string; children?: MdastNode[] };
    if (BLOCK_TYPES.has(n.type)) result.blocks.push({ text: textOutsideCite(node), line: lineOf(node) });
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const attrs: Record<string, AttrValue> = {};
      for (const a of (n.attributes as Array<{ type: string; name?: string; value?: unknown }>) ?? []) {
        if (a.type === 'mdxJsxAttribute' && a.name) attrs[a.name] = attrValue(a.value);
      }
      result.jsx.push({ name: String(n.name ?? ''), attrs, line: lineOf(node), text: textOf(node).trim() });
    } else if (n.type === 'link') {
      result.links.push({ url: String(n.url), line: lineOf(node) });
    } else if (n.type === 'image') {
      result.images.push({ url: String(n.url), alt: String(n.alt ?? ''), line: lineOf(node) });
    } else if (n.type === 'linkReference' || n.type === 'imageReference') {
      const url = definitions.get(String(n.identifier));
      // An undefined reference is plain text in Markdown: nothing is linked or loaded.
      if (url !== undefined) {
        if (n.type === 'linkReference') result.links.push({ url, line: lineOf(node) });
        else result.images.push({ url, alt: String(n.alt ?? ''), line: lineOf(node) });
      }
    }
    for (const child of n.children ?? []) walk(child);
  };
  walk(tree);
  return result;
}

/** Article numbers of 反有组织犯罪法 cited with <Cite> (no law attribute, or the AOCL). */
export function citedAocArticles(analysis: MdxAnalysis, isAocl: (law: string | undefined) => boolean): number[] {
  const out = new Set<number>();
  for (const j of analysis.jsx) {
    if (j.name !== 'Cite') continue;
    const law = typeof j.attrs.law === 'string' ? j.attrs.law : undefined;
    if (isAocl(law) && typeof j.attrs.article === 'number') out.add(j.attrs.article);
  }
  return [...out].sort((a, b) => a - b);
}
