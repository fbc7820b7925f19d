import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { ContentException } from './exceptions.ts';
import type { ParsedFile } from './types.ts';

/**
 * The text readers see, cut into units the wording rules read: the blocks of an MDX
 * body outside <Cite> (quoted law is never checked), the text fields of its field
 * block, and the text fields of the data files. Each unit knows its file and line, and
 * the exceptions that apply to it.
 */

export interface TextUnit {
  file: string;
  /** Line of the unit's first character (a "\n" in text is the next line). */
  line: number | undefined;
  /** Extra place: 字段 answer, 词条“恶势力组织” · 字段 definition. */
  where?: string;
  text: string;
  /** What the text is, for rules that apply to some units only. */
  role?: 'body' | 'field' | 'definition' | 'point' | 'wrong-option';
}

export interface TextScope {
  file: string;
  entry?: string;
  exceptionsLine?: number;
  exceptions: ContentException[];
  units: TextUnit[];
  /** What the whole scope is about (a page's title, a quiz question): topics named here cover every sentence. */
  context?: string;
  /** Provisions this file quotes verbatim through the law data (<Cite>, material quotes): "aocl 2 2", "刑法 294". */
  quotes: string[];
}

/** Line (1-based, in the whole file) of the YAML node at `path`; `offset` is the line before the first YAML line. */
export function yamlLine(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>, offset = 0): number | undefined {
  const node = doc.getIn(path, true);
  if (isScalar(node) && node.range) return counter.linePos(node.range[0]).line + offset;
  // A key whose value is empty or a collection: take the key's line.
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) return counter.linePos(range[0]).line + offset;
  }
  if (isSeq(parent) && typeof path[path.length - 1] === 'number') {
    const item = parent.items[path[path.length - 1] as number] as { range?: [number, number, number] } | undefined;
    if (item?.range) return counter.linePos(item.range[0]).line + offset;
  }
  return undefined;
}

/** Frontmatter fields with text for readers, per collection; materials also have points and slogans. */
const FIELD_NAMES = ['title', 'answer', 'summary'] as const;

export function scopeOfMdx(p: ParsedFile): TextScope | undefined {
  if (!p.mdx || p.mdx.syntaxError || p.mdx.gate.length) return undefined;
  const file = p.file.path;
  const data = p.data ?? {};
  const units: TextUnit[] = p.mdx.blocks.map((b) => ({ file, line: b.line, text: b.text, role: 'body' as const }));
  const line = (path: Array<string | number>) => (p.yaml ? yamlLine(p.yaml.doc, p.yaml.counter, path, 1) : undefined);
  for (const f of FIELD_NAMES) {
    if (typeof data[f] === 'string') units.push({ file, line: line([f]), where: `字段 ${f}`, text: data[f] as string, role: 'field' });
  }
  for (const list of ['points', 'slogans'] as const) {
    ((data[list] as Array<{ text: string }> | undefined) ?? []).forEach((s, i) =>
      units.push({ file, line: line([list, i, 'text']), where: `字段 ${list}[${i}]`, text: s.text, role: 'point' }),
    );
  }
  const quotes: string[] = [];
  for (const j of p.mdx.jsx) {
    if (j.name !== 'Cite') continue;
    quotes.push(quoteKey(typeof j.attrs.law === 'string' ? j.attrs.law : undefined, j.attrs.article, j.attrs.paragraph));
  }
  for (const q of (data.quotes as Array<number | { law?: string; article: number; paragraph?: number }> | undefined) ?? []) {
    quotes.push(typeof q === 'number' ? quoteKey(undefined, q, undefined) : quoteKey(q.law, q.article, q.paragraph));
  }
  // The page's question and its one-line answer (or summary) say what every sentence is about.
  const context = [data.title, data.answer, data.summary].filter((x) => typeof x === 'string').join(' ');
  return { file, exceptions: (data.exceptions as ContentException[] | undefined) ?? [], exceptionsLine: line(['exceptions']), units, quotes, context };
}

/** "aocl 2 2", "刑法 294" (no paragraph: the whole article). */
export function quoteKey(law: string | undefined, article: unknown, paragraph: unknown): string {
  const l = !law || /反有组织犯罪法/.test(law) ? 'aocl' : /刑事诉讼法/.test(law) ? '刑事诉讼法' : /刑法/.test(law) ? '刑法' : law;
  return [l, article, paragraph].filter((x) => x !== undefined && x !== true).join(' ');
}
