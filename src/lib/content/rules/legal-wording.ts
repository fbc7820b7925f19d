import type { WordingHit } from '../exceptions.ts';
import { LEGAL_DEFINITIONS, missingElements } from '../legal-definitions.ts';
import { lineOfPhrase, sentencesOf } from '../sentences.ts';
import type { TextScope, TextUnit } from '../text-units.ts';

/**
 * Legal wording (issue 14, "keep them from coming back"):
 * - Definitions: wherever the site defines 恶势力组织 or 黑社会性质组织 (a glossary
 *   definition, a point on a material, or a sentence "<term>是/指……组织"), it quotes the
 *   provision through the law data or contains every element of the legal definition.
 *   The wrong options of a quiz question are exempt. No exceptions.
 * - Promise words: no absolute promise (一定, 保证, 绝对……) in a sentence about rewards,
 *   anonymity, confidentiality, protection or false accusation, or on a page whose title
 *   is about one of them. Exceptions allowed.
 * Text quoted through <Cite> never reaches these rules (text-units.ts leaves it out).
 */

export const PROMISE_WORDS = ['一定', '保证', '绝对', '肯定', '不用担心', '不必担心', '不会被追究', '不会追究', '百分之百', '万无一失', '包你'];
/** 一定 in the law's own phrases (一定区域, 一定的经济实力) promises nothing. */
/** 保证 after 先/要/注意 is the reader's own task ("先保证安全"), not a promise. */
const EXCEPT_AFTER: Record<string, string> = {
  一定: '(?<!不)一定(?!区域|的|程度|范围|数额|数量|期限|时间|行业|规模|条件|比例)',
  保证: '(?<!先|首先|要|注意|以)保证',
};
const PROMISE_RE = new RegExp(PROMISE_WORDS.map((w) => EXCEPT_AFTER[w] ?? w).join('|'), 'g');
export const PROMISE_TOPICS = ['奖励', '奖金', '匿名', '保密', '保护', '诬告', '错告', '报复', '泄露', '泄密'];
const TOPIC_RE = new RegExp(PROMISE_TOPICS.join('|'));

const where = (u: TextUnit, line: number | undefined) => [line ? `第 ${line} 行` : undefined, u.where].filter(Boolean).join(' · ') || undefined;

/** A sentence that defines a term: "<term>是/指……组织" (also "所称<term>，是指"). */
function definesTerm(sentence: string, term: string): number {
  const m = new RegExp(`${term}[”"」]?[，,]?(?:就|也|即)?(?:是指|是|指)[^。！？]*组织`).exec(sentence);
  return m ? m.index : -1;
}

export function legalWordingHits(scope: TextScope): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const u of scope.units) {
    for (const def of LEGAL_DEFINITIONS) {
      if (u.role === 'wrong-option' || !u.text.includes(def.term)) continue;
      if (def.quotes.some((q) => scope.quotes.includes(q))) continue;
      // A glossary definition or a material point about the term is a definition as a whole.
      const whole = (u.role === 'definition' && u.text.startsWith(`${def.term}：`)) || (u.role === 'point' && definesTerm(u.text, def.term) >= 0);
      const candidates = whole ? [{ text: u.text, line: u.line, index: u.text.indexOf(def.term) }] : sentencesOf(u).map((s) => ({ ...s, index: definesTerm(s.text, def.term) }));
      for (const c of candidates) {
        if (c.index < 0) continue;
        const missing = missingElements(def, c.text);
        if (missing.length === 0) continue;
        hits.push({
          file: u.file,
          where: where(u, lineOfPhrase(c, c.index)),
          rule: null,
          phrase: def.term,
          sentence: c.text,
          message: `这里给“${def.term}”下了定义，但少了法律规定的要素：${missing.map((m) => `“${m}”`).join('、')}。请用 ${def.cite} 引用法律原文，或者把这些要素写全；不要自己概括法律定义`,
        });
      }
    }
    if (u.role === 'wrong-option') continue;
    for (const s of sentencesOf(u)) {
      // A sentence speaks of a topic when it names it, or when its page's question or
      // one-line answer does (answer: "…也要和诬告严格区别开" … "如实讲清楚，就不用担心。").
      if (!TOPIC_RE.test(`${s.text} ${scope.context ?? ''}`.replaceAll('保护伞', ''))) continue;
      for (const m of s.text.matchAll(PROMISE_RE)) {
        hits.push({
          file: u.file,
          where: where(u, lineOfPhrase(s, m.index)),
          rule: '承诺用语',
          phrase: m[0],
          sentence: s.text,
          message: `“${m[0]}”是绝对化的承诺：讲奖励、匿名、保密、保护或诬告时，只能说法律规定的内容（如“按照国家有关规定给予表彰、奖励”“应当为举报人保密”“与诬告严格加以区别”）。请改用法律的说法；确有出处的，请在字段区写 exceptions（rule: 承诺用语）并注明出处`,
        });
      }
    }
  }
  return hits;
}
