/**
 * Chinese numerals as used in law article and chapter numbers (第六十一条,
 * 第二百九十四条). Covers 1…9999, which is more than any Chinese statute needs.
 * Hand-written because the npm packages for this either target money amounts
 * (大写 numerals) or pull in large dictionaries.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS: Array<[string, number]> = [
  ['千', 1000],
  ['百', 100],
  ['十', 10],
];

/** 61 → 六十一; 10 → 十; 110 → 一百一十; 294 → 二百九十四. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`toChineseNumeral: expected an integer in 1…9999, got ${n}`);
  }
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [unit, value] of UNITS) {
    const digit = Math.floor(rest / value);
    rest %= value;
    if (digit > 0) {
      if (pendingZero) out += '零';
      pendingZero = false;
      // 10–19 are written 十、十一… at the start; 一十 inside larger numbers (一百一十).
      out += digit === 1 && unit === '十' && out === '' ? unit : DIGITS[digit] + unit;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) {
    if (pendingZero) out += '零';
    out += DIGITS[rest];
  }
  return out;
}

/** 六十一 → 61; 一百一十 → 110; 十 → 10. Throws on anything else. */
export function fromChineseNumeral(text: string): number {
  if (!/^[零一二三四五六七八九十百千]+$/u.test(text)) {
    throw new SyntaxError(`fromChineseNumeral: not a Chinese numeral: "${text}"`);
  }
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = UNITS.find(([u]) => u === ch);
    if (!unit) throw new SyntaxError(`fromChineseNumeral: unexpected "${ch}" in "${text}"`);
    total += (digit === -1 ? 1 : digit) * unit[1];
    digit = -1;
  }
  if (digit > 0) total += digit;
  // Round-trip to reject malformed input such as 十十 or 二二.
  if (total < 1 || toChineseNumeral(total) !== text) {
    throw new SyntaxError(`fromChineseNumeral: malformed numeral "${text}"`);
  }
  return total;
}

/** 61 → 第六十一条 */
export function articleLabel(n: number): string {
  return `第${toChineseNumeral(n)}条`;
}

/** 1 → （一） as used for items inside an article. */
export function itemLabel(n: number): string {
  return `（${toChineseNumeral(n)}）`;
}
