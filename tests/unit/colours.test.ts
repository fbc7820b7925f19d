import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Text colours in every scheme (light, dark through prefers-color-scheme, high contrast
// through the 高对比 button or prefers-contrast) keep at least 4.5:1 on their backgrounds.
const css = readFileSync('src/styles/global.css', 'utf8');

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

/** Custom properties declared in the first rule whose selector/context matches. */
function vars(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [
      m[1]!,
      m[2]!.toLowerCase(),
    ]),
  );
}
const light = vars(/:root \{([^}]*)\}/.exec(css)![1]!);
const dark = {
  ...light,
  ...vars(/prefers-color-scheme: dark\)\s*\{\s*:root \{([^}]*)\}/.exec(css)![1]!),
};
const moreContrast = {
  ...light,
  ...vars(/prefers-contrast: more\)\s*\{\s*:root:not\(\.nocontrast\) \{([^}]*)\}/.exec(css)![1]!),
};
const chosenContrast = { ...light, ...vars(/:root\.contrast \{([^}]*)\}/.exec(css)![1]!) };

describe.each([
  ['light', light],
  ['dark', dark],
  ['prefers-contrast: more', moreContrast],
  ['高对比 button', chosenContrast],
])('%s scheme', (_, v) => {
  it('defines every colour', () => {
    for (const k of ['text', 'muted', 'bg', 'soft', 'line', 'brand', 'link'])
      expect(v[k], k).toMatch(/^#/);
  });
  it.each([
    ['text', 'bg'],
    ['muted', 'bg'],
    ['link', 'bg'],
    ['text', 'soft'],
    ['muted', 'soft'],
    ['link', 'soft'],
    ['bg', 'text'], // buttons: background var(--text), text var(--bg)
    ['link', 'bg'],
  ])('%s on %s ≥ 4.5:1', (fg, bg) => {
    expect(contrast(v[fg]!, v[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it('header text (white) on the brand colour ≥ 4.5:1', () => {
    expect(contrast('#ffffff', v.brand!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the high-contrast schemes', () => {
  it('are the same whether chosen or asked for by the system, and reach 7:1', () => {
    expect(moreContrast).toEqual(chosenContrast);
    expect(contrast(chosenContrast.text!, chosenContrast.bg!)).toBeGreaterThanOrEqual(7);
    expect(contrast(chosenContrast.link!, chosenContrast.bg!)).toBeGreaterThanOrEqual(7);
  });
});

describe('fixed colours', () => {
  it('dark text on the yellow marks, banners and focus highlight ≥ 4.5:1', () => {
    for (const bg of ['#fff0a8', '#fff3c4', '#ffd31a'])
      expect(contrast('#1b1b1b', bg), bg).toBeGreaterThanOrEqual(4.5);
  });
});
