/**
 * Reads a QR code's error-correction level back from its drawing, the way a scanner does:
 * from the format information next to the top-left finder pattern (ISO/IEC 18004, 7.9), not
 * from the options the code was made with. Takes the SVG the qrcode package draws (one
 * path of horizontal runs: `M x y.5 h n m dx dy h n …`) and its quiet zone in modules.
 */

/** Dark modules as "row,col" (quiet zone removed). */
export function darkModules(svg: string, quietZone: number): Set<string> {
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error('qr-format: no dark path in the SVG');
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Number(b)];
    else if (cmd === 'm') [x, y] = [x + n, y + Number(b)];
    else {
      for (let c = x; c < x + n; c++) dark.add(`${Math.floor(y) - quietZone},${c - quietZone}`);
      x += n;
    }
  }
  return dark;
}

const LEVELS = ['M', 'L', 'H', 'Q'] as const;

/**
 * The level in both copies of the format information's first two bits (bits 14 and 13,
 * masked with 0b10 there): row 8, columns 0 and 1; and column 8, the two bottom rows.
 * Throws when the copies disagree.
 */
export function errorCorrectionLevel(
  svg: string,
  quietZone: number,
  modules: number,
): (typeof LEVELS)[number] {
  const dark = darkModules(svg, quietZone);
  const bit = (r: number, c: number) => (dark.has(`${r},${c}`) ? 1 : 0);
  const beside = ((bit(8, 0) << 1) | bit(8, 1)) ^ 0b10;
  const below = ((bit(modules - 1, 8) << 1) | bit(modules - 2, 8)) ^ 0b10;
  if (beside !== below)
    throw new Error(
      `qr-format: the two copies of the format information disagree (${beside}, ${below})`,
    );
  return LEVELS[beside]!;
}
