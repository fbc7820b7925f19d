import type { Document, LineCounter } from 'yaml';
import { formatPath, type ContentProblem } from '../../errors/error-map.ts';
import type { ContentException } from '../exceptions.ts';
import { quoteKey, yamlLine, type TextScope, type TextUnit } from '../text-units.ts';
import { checkTextScope } from './text.ts';

/**
 * The wording rules on the YAML data files readers see: glossary.yaml (term and
 * definition), quiz.yaml (question, options, explanation; the wrong options are
 * deliberately wrong, so only the right one is held to the rules) and channels.yaml
 * (name, purpose, how). Exceptions are written on the entry itself.
 */

export interface YamlList {
  file: string;
  items: Array<Record<string, unknown>>;
  doc: Document;
  counter: LineCounter;
}

const FIELDS: Record<string, string[]> = {
  'content/glossary.yaml': ['definition'],
  'content/quiz.yaml': ['question', 'explanation'],
  'content/channels.yaml': ['name', 'purpose', 'how'],
};

/** How an editor finds an entry: 词条“恶势力组织”, 第 3 题（q03）, 渠道“12389”. */
export function entryName(file: string, item: Record<string, unknown>, i: number): string {
  if (file.endsWith('glossary.yaml')) return `词条“${String(item.term)}”`;
  if (file.endsWith('quiz.yaml')) return `第 ${i + 1} 题（${String(item.id)}）`;
  return `渠道“${String(item.id ?? item.name)}”`;
}

/** Schema issues of a list file, each named by its entry and line rather than by its index ([2].phone). */
export function listIssuesToProblems(
  file: string,
  raw: unknown,
  doc: Document,
  counter: LineCounter,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): ContentProblem[] {
  return issues.map((iss) => {
    const [i, ...rest] = iss.path;
    const item = Array.isArray(raw) && typeof i === 'number' ? (raw[i] as Record<string, unknown> | null) : undefined;
    if (typeof i !== 'number' || !item || typeof item !== 'object') {
      return { file, where: iss.path.length ? `字段 ${formatPath(iss.path)}` : undefined, message: iss.message };
    }
    const path = rest.filter((k): k is string | number => typeof k !== 'symbol');
    const line = yamlLine(doc, counter, [i, ...path]) ?? yamlLine(doc, counter, [i]);
    const where = [line ? `第 ${line} 行` : undefined, entryName(file, item, i), path.length ? `字段 ${formatPath(path)}` : undefined].filter(Boolean).join(' · ');
    return { file, where, message: iss.message };
  });
}

export function dataFileScopes(list: YamlList): TextScope[] {
  const fields = FIELDS[list.file] ?? [];
  return list.items.map((item, i) => {
    const entry = entryName(list.file, item, i);
    const units: TextUnit[] = [];
    const unit = (path: Array<string | number>, text: string, role: TextUnit['role']) =>
      units.push({ file: list.file, line: yamlLine(list.doc, list.counter, [i, ...path]), where: `${entry} · 字段 ${formatPath(path)}`, text, role });
    for (const f of fields) {
      if (typeof item[f] !== 'string') continue;
      const role = list.file.endsWith('glossary.yaml') && f === 'definition' ? 'definition' : 'field';
      // A glossary definition defines its term: read it as "<term>：<definition>".
      unit([f], role === 'definition' ? `${String(item.term)}：${String(item[f])}` : String(item[f]), role);
    }
    if (Array.isArray(item.options)) {
      item.options.forEach((o, j) => unit(['options', j], String(o), j + 1 === item.answer ? 'field' : 'wrong-option'));
    }
    return {
      file: list.file,
      entry,
      exceptionsLine: yamlLine(list.doc, list.counter, [i, 'exceptions']),
      exceptions: (item.exceptions as ContentException[] | undefined) ?? [],
      units,
      // A glossary entry may quote the law through the law data (a `quotes` list of citations).
      quotes: ((item.quotes as Array<number | { law?: string; article: number; paragraph?: number }> | undefined) ?? []).map((q) =>
        typeof q === 'number' ? quoteKey(undefined, q, undefined) : quoteKey(q.law, q.article, q.paragraph),
      ),
      context: typeof item.question === 'string' ? item.question : undefined,
    };
  });
}

export function dataFileTextRules(lists: YamlList[], allowedPhones: Iterable<string>): ContentProblem[] {
  const phones = new Set([...allowedPhones].map((p) => p.replace(/\D/g, '')));
  return lists.flatMap((l) => dataFileScopes(l).flatMap((s) => checkTextScope(s, phones)));
}
