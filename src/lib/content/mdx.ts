import { mdxToMdast, type MdastNode } from 'satteri';

/**
 * Reads an MDX file the way the build does (satteri is Astro 7's MDX parser) and
 * lists what the content checks need: the frontmatter text, JSX components with
 * their literal attribute values, links and images, each with a line number.
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

export interface MdxAnalysis {
  /** Raw YAML between the --- fences, or undefined when there is none. */
  frontmatter: string | undefined;
  /** Line number of the first YAML line in the file (for error messages). */
  frontmatterLine: number;
  jsx: JsxUse[];
  links: LinkUse[];
  images: ImageUse[];
  /** Set when the MDX does not parse: "第 N 行：message". */
  syntaxError?: { line: number; message: string };
}

const FRONTMATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): { yaml: string | undefined; body: string; bodyLine: number } {
  const m = FRONTMATTER_RE.exec(source);
  if (!m) return { yaml: undefined, body: source, bodyLine: 1 };
  const bodyLine = m[0].split('\n').length;
  return { yaml: m[1], body: source.slice(m[0].length), bodyLine };
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

export function analyseMdx(source: string): MdxAnalysis {
  const { yaml } = splitFrontmatter(source);
  const result: MdxAnalysis = { frontmatter: yaml, frontmatterLine: 2, jsx: [], links: [], images: [] };
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    result.syntaxError = m ? { line: Number(m[1]), message: m[3]! } : { line: 0, message };
    return result;
  }
  const walk = (node: MdastNode) => {
    const n = node as unknown as Record<string, unknown> & { type: string; children?: MdastNode[] };
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
