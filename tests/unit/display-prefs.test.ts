import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classesFor, isPrefOn, PREF_STORAGE_KEYS } from '../../src/lib/display-prefs.ts';

// The blocking script that applies 大字模式 and 高对比 before first paint cannot import
// the shared names, so it is run here against them.
const SCRIPT = readFileSync('src/client/prefs.js', 'utf8');

function runPrefs(stored: Record<string, string>, opts: { throwing?: boolean } = {}): string[] {
  const classes: string[] = [];
  const localStorage = {
    getItem: (k: string) => {
      if (opts.throwing) throw new Error('SecurityError');
      return stored[k] ?? null;
    },
  };
  const document = { documentElement: { classList: { add: (c: string) => classes.push(c) } } };
  runInNewContext(SCRIPT, { document, localStorage });
  return classes;
}

describe('src/client/prefs.js', () => {
  const cases: Array<Partial<Record<'large' | 'contrast', string>>> = [
    {},
    { large: '1' },
    { large: '0' },
    { contrast: '1' },
    { contrast: '0' },
    { large: '1', contrast: '1' },
    { large: '1', contrast: '0' },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c]))(
    'stored %s gives the same classes as classesFor()',
    (_, c) => {
      const stored = Object.fromEntries(
        Object.entries(c).map(([k, v]) => [PREF_STORAGE_KEYS[k as 'large' | 'contrast'], v]),
      );
      expect(runPrefs(stored).sort()).toEqual(classesFor(c).sort());
    },
  );

  it('large mode is on only for "1"', () => {
    expect(runPrefs({ [PREF_STORAGE_KEYS.large]: '1' })).toContain('large');
    expect(runPrefs({ [PREF_STORAGE_KEYS.large]: 'true' })).not.toContain('large');
  });

  it('still marks scripts as running when storage is blocked', () => {
    expect(runPrefs({}, { throwing: true })).toEqual(['js']);
  });

  it('stays tiny: it blocks the first paint', () => {
    expect(Buffer.byteLength(SCRIPT)).toBeLessThan(500);
  });
});

describe('isPrefOn', () => {
  const set = (...c: string[]) => ({ contains: (x: string) => c.includes(x) });
  it('follows the system contrast setting unless turned off', () => {
    expect(isPrefOn('contrast', set(), true)).toBe(true);
    expect(isPrefOn('contrast', set('nocontrast'), true)).toBe(false);
    expect(isPrefOn('contrast', set(), false)).toBe(false);
    expect(isPrefOn('contrast', set('contrast'), false)).toBe(true);
    expect(isPrefOn('large', set('large'), false)).toBe(true);
    expect(isPrefOn('large', set(), true)).toBe(false);
  });
});
