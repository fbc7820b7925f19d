import type { TextUnit } from './text-units.ts';

/** A sentence of a text unit, with the line it starts on. Sentences end at 。！？!? (a line break inside a paragraph does not end one). */
export interface Sentence {
  text: string;
  line: number | undefined;
}

export function sentencesOf(unit: TextUnit): Sentence[] {
  const out: Sentence[] = [];
  for (const m of unit.text.matchAll(/[^。！？!?]+[。！？!?]*/g)) {
    const text = m[0].trim();
    if (!text) continue;
    const before = unit.text.slice(0, m.index + (m[0].length - m[0].trimStart().length));
    const line = unit.line === undefined ? undefined : unit.line + (before.match(/\n/g)?.length ?? 0);
    out.push({ text, line });
  }
  return out;
}

/** The line of `phrase` inside a sentence that starts on `line`. */
export function lineOfPhrase(s: Sentence, index: number): number | undefined {
  return s.line === undefined ? undefined : s.line + (s.text.slice(0, index).match(/\n/g)?.length ?? 0);
}
