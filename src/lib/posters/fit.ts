/**
 * Type sizes for the key text of a poster, chosen at build time from how much text there
 * is, so that everything fits one A4 sheet without JavaScript and nothing is clipped.
 * The browser tests print every poster and check the boxes against the sheet.
 *
 * Weight: characters, plus a penalty for each line break (a short line still takes a
 * whole line). The area a text takes grows with weight × size², so each step keeps
 * weight × size² about constant: the text fills at most about four fifths of the space
 * between the title and the footer. Measured on the longest law articles (第六十九条,
 * 326 characters in 7 lines). A text heavier than the last step does not fit and must be
 * shortened; the build says so.
 */

/** Size steps, largest first: t1 is 40pt, t10 is 11pt (poster.css). */
export type TextSize = 't1' | 't2' | 't3' | 't4' | 't5' | 't6' | 't7' | 't8' | 't9' | 't10';

export const LINE_PENALTY = 12;

// Upper weights: 0.82 / (c × pt²), with c = 9.5e-6 measured on the law posters in Chromium.
const STEPS: ReadonlyArray<readonly [maxWeight: number, size: TextSize]> = [
  [54, 't1'], // 40pt
  [75, 't2'], // 34pt
  [110, 't3'], // 28pt
  [150, 't4'], // 24pt
  [216, 't5'], // 20pt
  [282, 't6'], // 17.5pt
  [360, 't7'], // 15.5pt
  [474, 't8'], // 13.5pt
  [600, 't9'], // 12pt
  [700, 't10'], // 11pt: letter-sized text, the smallest a poster uses
];

export const MAX_WEIGHT = STEPS.at(-1)![0];

export function textWeight(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.replace(/\s+/g, '').length + LINE_PENALTY, 0);
}

/** The size step for a text, or undefined when it is too long for one sheet. */
export function textSize(lines: readonly string[]): TextSize | undefined {
  const w = textWeight(lines);
  return STEPS.find(([max]) => w <= max)?.[1];
}

/** Title sizes: a short title (第六十一条) is set very large, a long question smaller. */
export function titleSize(title: string): 't1' | 't2' | 't3' | 't4' {
  // Characters per line on the 182 mm measure: 8 at 60pt, 11 at 44pt, 16 at 32pt.
  const n = title.length;
  if (n <= 8) return 't1';
  if (n <= 11) return 't2';
  if (n <= 16) return 't3';
  return 't4';
}
