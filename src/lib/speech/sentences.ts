/**
 * Splits the text of a page into sentences for 朗读, keeping where each sentence lies in
 * the page's text nodes so the sentence being read can be highlighted.
 *
 * Input: the page's text nodes in order, as chunks; `block` numbers the block element
 * (paragraph, list item, heading) each chunk belongs to. A sentence ends after 。！？；
 * (and ! ? ;), at the end of a block, and — if still too long for speech engines, which
 * may stop mid-way through long utterances — after the last ，、：before the limit.
 */

export interface TextChunk {
  text: string;
  block: number;
}

export interface SentencePart {
  chunk: number;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  parts: SentencePart[];
}

const END = /[。！？；!?;]/;
const SOFT = /[，、：,:]/;
/** Closing quotes and brackets stay with the sentence they close. */
const CLOSERS = /[”’」』）)》]/;

interface Char {
  ch: string;
  chunk: number;
  offset: number;
}

function toSentence(chars: Char[]): Sentence | undefined {
  let a = 0;
  let b = chars.length;
  while (a < b && /\s/.test(chars[a]!.ch)) a++;
  while (b > a && /\s/.test(chars[b - 1]!.ch)) b--;
  if (a === b) return undefined;
  const slice = chars.slice(a, b);
  const parts: SentencePart[] = [];
  for (const c of slice) {
    const last = parts.at(-1);
    const end = c.offset + c.ch.length;
    if (last && last.chunk === c.chunk && last.end === c.offset) last.end = end;
    else parts.push({ chunk: c.chunk, start: c.offset, end });
  }
  const text = slice
    .map((c) => c.ch)
    .join('')
    .replace(/\s+/g, ' ');
  // Nothing to say: punctuation or symbols only.
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  return { text, parts };
}

export function splitSentences(chunks: readonly TextChunk[], maxLength = 100): Sentence[] {
  const out: Sentence[] = [];
  let current: Char[] = [];
  const flush = () => {
    const s = toSentence(current);
    if (s) out.push(s);
    current = [];
  };
  let block: number | undefined;
  chunks.forEach((chunk, ci) => {
    if (block !== undefined && chunk.block !== block) flush();
    block = chunk.block;
    const chars = [...chunk.text];
    let offset = 0;
    chars.forEach((ch, i) => {
      current.push({ ch, chunk: ci, offset });
      offset += ch.length; // UTF-16 offsets, as DOM ranges count them
      const next = chars[i + 1];
      if (END.test(ch) && !(next && (END.test(next) || CLOSERS.test(next)))) flush();
      else if (
        CLOSERS.test(ch) &&
        current.length > 1 &&
        END.test(current.at(-2)!.ch) &&
        !(next && CLOSERS.test(next))
      )
        flush();
      else if (current.length >= maxLength) {
        let cut = current.length - 1;
        while (cut > 0 && !SOFT.test(current[cut]!.ch)) cut--;
        const keep = cut > 0 ? current.slice(cut + 1) : [];
        current = cut > 0 ? current.slice(0, cut + 1) : current;
        flush();
        current = keep;
      }
    });
  });
  flush();
  return out;
}
