/** Small statistics for the benchmarks. Pure. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median: no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LinearFit {
  /** Cost per unit of x (e.g. seconds per page). */
  slope: number;
  /** Fixed cost (x = 0). */
  intercept: number;
  /** Coefficient of determination, 1 for a perfect line. */
  r2: number;
}

/** Least-squares line through (x, y) points. */
export function linearFit(points: ReadonlyArray<readonly [number, number]>): LinearFit {
  if (points.length < 2) throw new Error('linearFit: need at least two points');
  const nPts = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / nPts;
  const my = points.reduce((s, [, y]) => s + y, 0) / nPts;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) throw new Error('linearFit: all x values are equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

export interface Growth {
  linear: boolean;
  /** Marginal cost per unit between consecutive sizes (e.g. seconds per extra page). */
  marginal: number[];
  fit: LinearFit;
  /** One sentence for the benchmark's output. */
  verdict: string;
}

/**
 * Whether y grows linearly with x: the marginal cost per unit between consecutive
 * sizes stays within `tolerance` (default ±35 %) of the first one, and a line fits (r² ≥ 0.98).
 * Faster-than-linear growth (rising marginal cost) is what a build that scales must avoid.
 */
export function growth(
  points: ReadonlyArray<readonly [number, number]>,
  unit = 'page',
  tolerance = 0.35,
): Growth {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const fit = linearFit(sorted);
  const marginal = sorted.slice(1).map(([x, y], i) => (y - sorted[i]![1]) / (x - sorted[i]![0]));
  if (sorted.length < 3) {
    const verdict = `cannot be judged from two sizes (${(marginal[0]! * 1000).toFixed(1)} ms per ${unit} between them); run three or more`;
    return { linear: false, marginal, fit, verdict };
  }
  const first = marginal[0]!;
  const within = marginal.every((m) => Math.abs(m - first) <= tolerance * Math.abs(first));
  const linear = within && fit.r2 >= 0.98;
  const ms = marginal.map((m) => `${(m * 1000).toFixed(1)} ms`).join(' → ');
  const rising = marginal.at(-1)! > first * (1 + tolerance);
  const verdict = linear
    ? `grows linearly: about ${(fit.slope * 1000).toFixed(1)} ms per ${unit} (marginal ${ms} per ${unit}; r² ${fit.r2.toFixed(3)})`
    : `does not grow linearly: marginal cost ${ms} per ${unit} is ${rising ? 'rising (worse than linear)' : 'falling (fixed costs dominate; better than linear)'}; r² ${fit.r2.toFixed(3)}`;
  return { linear, marginal, fit, verdict };
}
