import { gzipSync } from 'node:zlib';

/**
 * Byte counts as a reader's phone would download them. Budgets are in decimal kB
 * (1 kB = 1,000 bytes), the stricter reading of "kB".
 */

export const KB = 1000;

export const rawSize = (data: string | Uint8Array): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;

/** Size after gzip at level 9: deterministic, the same on every machine. */
export const gzipSize = (data: string | Uint8Array): number =>
  gzipSync(data, { level: 9 }).byteLength;

/**
 * What a server that compresses with gzip sends: the gzip size, or the raw size when gzip
 * does not make the file smaller (PNG, WebP, or pagefind's index chunks, which are
 * gzipped already). Every budget in this project is counted in these bytes.
 */
export const transferSize = (data: string | Uint8Array): number =>
  Math.min(rawSize(data), gzipSize(data));

/** 12345 → "12.35 kB"; 800 → "800 B". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < KB) return `${n} B`;
  if (Math.abs(n) < KB * KB) return `${(n / KB).toFixed(2)} kB`;
  return `${(n / (KB * KB)).toFixed(2)} MB`;
}
