/**
 * Short codes for /q/<code>/ links printed on posters. Random, never derived from a
 * title, and never reused. The alphabet leaves out look-alikes (0/o, 1/l/i).
 */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

export function newShortCode(taken: ReadonlySet<string>, random: () => number = Math.random, length = 4): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let code = '';
    for (let i = 0; i < length; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
    if (!taken.has(code)) return code;
  }
  throw new Error('newShortCode: no free code found');
}

/** All `code:` values in frontmatter texts. */
export function codesIn(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/^code:\s*["']?([a-z0-9]+)["']?\s*$/gm)) out.add(m[1]!);
  return out;
}
