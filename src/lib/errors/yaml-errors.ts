import type { YAMLError } from 'yaml';

/**
 * Where to point an editor at a YAML error. The parser notices an unclosed [ { or
 * quote only on a later line; the mistake is on the line that opened it. So: the line
 * of the last bracket or quote still open where the error was found, else the error's
 * own line. Lines are 1-based within `text`.
 */
export function yamlErrorLine(text: string, error: Pick<YAMLError, 'pos'>): number {
  const end = Math.min(error.pos[0], text.length);
  const open: number[] = [];
  let quote: { ch: string; at: number } | undefined;
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote.ch) quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < end && text[i] !== '\n') i++;
      continue;
    }
    if ((ch === '"' || ch === "'") && /[\s:,[{-]/.test(text[i - 1] ?? ' ')) quote = { ch, at: i };
    else if (ch === '[' || ch === '{') open.push(i);
    else if ((ch === ']' || ch === '}') && open.length) open.pop();
  }
  const at = quote?.at ?? open[open.length - 1] ?? end;
  return text.slice(0, at).split('\n').length;
}
