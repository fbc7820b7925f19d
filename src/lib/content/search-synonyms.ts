import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'astro/zod';
import { issuesToProblems, zhErrorMap, type ContentProblem } from '../errors/error-map.ts';
import type { Synonym } from '../search/text-index.ts';

/**
 * content/search-synonyms.yaml: the words residents type (帮警察, 小店) and the words
 * the site writes for them (协助, 开店). The search page also looks for the site's
 * words when a query holds a reader word, so one entry helps every page.
 *
 * Checked at build, where the search index is known (src/integrations/search-text-index.ts):
 * a target word that occurs in no page cannot find anything, so the entry is rejected,
 * naming the file and line. Pure: the caller passes the file's text and a word test.
 */

export const SYNONYMS_FILE = 'search-synonyms.yaml';

const word = z.string().trim().min(1).max(20);
export const synonymSchema = z.strictObject({
  /** Reader words: what residents type. */
  words: z.array(word).min(1),
  /** The site's words for them. */
  means: z.array(word).min(1),
});

export interface SynonymsResult {
  synonyms: Synonym[];
  problems: ContentProblem[];
}

/**
 * Parses the file and checks every entry. `occurs(w)` says whether a word appears in
 * some indexed page (title, keywords, glossary or text). `file` is the path shown in messages.
 */
export function checkSynonyms(file: string, source: string, occurs: (word: string) => boolean): SynonymsResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  const problems: ContentProblem[] = [];
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file, where: e.linePos ? `第 ${e.linePos[0].line} 行` : undefined, message: `YAML 格式错误（${e.code}）` });
    return { synonyms: [], problems };
  }
  const parsed = z.array(synonymSchema).safeParse(doc.toJS() ?? [], { error: zhErrorMap });
  if (!parsed.success) return { synonyms: [], problems: issuesToProblems(file, parsed.error.issues) };
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  const lineOf = (i: number, j: number): number | undefined => {
    const entry = items[i];
    const means = isMap(entry) ? entry.get('means', true) : undefined;
    const node = isSeq(means) ? means.items[j] : undefined;
    const range = (node as { range?: [number, number, number] } | undefined)?.range ?? (entry as { range?: [number, number, number] } | undefined)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  parsed.data.forEach((s, i) => {
    s.means.forEach((m, j) => {
      if (occurs(m)) return;
      const line = lineOf(i, j);
      problems.push({
        file,
        where: line ? `第 ${line} 行` : `第 ${i + 1} 条 · 字段 means`,
        message: `网站用词“${m}”在网站的任何页面里都没有出现，搜不到任何内容；请改成页面里实际用的词（读者说法：${s.words.join('、')}）`,
      });
    });
  });
  return { synonyms: parsed.data, problems };
}
