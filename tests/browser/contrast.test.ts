import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../helpers/residents-browser.ts';

// Colour contrast in every scheme, checked by axe in Chromium.
const site = useSite();

describe('colour contrast in every scheme (axe)', () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const schemes: Array<[string, BrowserContextOptions, Record<string, string>]> = [
    ['dark', { colorScheme: 'dark' }, {}],
    ['高对比', {}, { 'aocl:contrast': '1' }],
    ['大字', {}, { 'aocl:large': '1' }],
  ];
  it.each(schemes)('%s', async (_, options, stored) => {
    const ctx = await site.open(options);
    await ctx.addInitScript(
      (s) => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v)),
      stored,
    );
    const page = await ctx.newPage();
    for (const path of [
      '/law/61/',
      '/qa/reporter-protection/',
      '/report/',
      '/quiz/',
      '/offline/',
      '/',
    ]) {
      await page.goto(site.server.url + path);
      if (path === '/quiz/') await page.locator('.quiz-choice').first().click();
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: {
              run(o: object): Promise<{
                violations: Array<{
                  id: string;
                  nodes: Array<{ target: string[]; failureSummary: string }>;
                }>;
              }>;
            };
          }
        ).axe.run({ runOnly: ['color-contrast'] });
        return r.violations.flatMap((v) =>
          v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        );
      });
      expect(violations, path).toEqual([]);
    }
  });
});
