/** Plain-text tables for the benchmarks' output. Pure. */

export type Cell = string | number;

/** Display width: CJK characters take two columns in a terminal. */
export const displayWidth = (s: string): number =>
  [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

const NUMERIC = /^-?[\d.,]+( ?(B|kB|MB|s|ms|%|×))?$/;

/** Columns whose cells are all numbers (or look like "12.3 kB") are right-aligned. */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
): string {
  const text = [
    headers.map(String),
    ...rows.map((r) =>
      headers.map((_, i) => {
        const c = r[i] ?? '';
        return typeof c === 'number' ? c.toLocaleString('en-US') : c;
      }),
    ),
  ];
  const widths = headers.map((_, i) => Math.max(...text.map((r) => displayWidth(r[i]!))));
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every(
        (r) => typeof r[i] === 'number' || NUMERIC.test(String(r[i] ?? '')) || r[i] === '–',
      ),
  );
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(s));
    return numeric[i] ? gap + s : s + gap;
  };
  const line = (r: readonly string[]) => r.map(pad).join('  ').trimEnd();
  return [
    line(text[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...text.slice(1).map(line),
  ].join('\n');
}
