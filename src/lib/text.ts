/** Small text helpers for descriptions and snippets. */

/** Cuts text to at most `max` characters at a sentence or clause mark where possible. */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('，'));
  return (stop > max * 0.5 ? cut.slice(0, stop) : cut) + '……';
}
