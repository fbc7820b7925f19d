/** 2026-11-22 → 2026年11月22日 (dates are stored as UTC midnight). */
export function formatDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
