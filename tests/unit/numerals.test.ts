import { describe, expect, it } from 'vitest';
import {
  articleLabel,
  fromChineseNumeral,
  itemLabel,
  toChineseNumeral,
} from '../../src/lib/law/numerals.ts';

describe('Chinese numerals', () => {
  const table: Array<[number, string]> = [
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [39, '三十九'],
    [40, '四十'],
    [49, '四十九'],
    [50, '五十'],
    [53, '五十三'],
    [61, '六十一'],
    [62, '六十二'],
    [69, '六十九'],
    [70, '七十'],
    [76, '七十六'],
    [77, '七十七'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [294, '二百九十四'],
    [1000, '一千'],
    [1005, '一千零五'],
  ];
  it.each(table)('%i ↔ %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
    expect(fromChineseNumeral(text)).toBe(n);
  });

  it('round-trips every number from 1 to 999', () => {
    for (let n = 1; n <= 999; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('labels articles and items', () => {
    expect(articleLabel(61)).toBe('第六十一条');
    expect(articleLabel(77)).toBe('第七十七条');
    expect(itemLabel(3)).toBe('（三）');
  });

  it('rejects malformed numerals and out-of-range numbers', () => {
    expect(() => fromChineseNumeral('十十')).toThrow();
    expect(() => fromChineseNumeral('二二')).toThrow();
    expect(() => fromChineseNumeral('61')).toThrow();
    expect(() => toChineseNumeral(0)).toThrow();
    expect(() => toChineseNumeral(1.5)).toThrow();
  });
});
