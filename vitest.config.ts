import { getViteConfig } from 'astro/config';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';
import { REPORTING, TEST_DEFAULTS } from './vitest.unit.config.ts';

/**
 * The suite in four vitest projects, so the quick ones stay quick:
 * - unit (vitest.unit.config.ts): pure functions and scripts. A plain Vite config, files in
 *   parallel: loading the Astro config (and every integration, the content check included)
 *   costs 10–15 s a start, far more than the tests themselves.
 * - build, budgets: read the built dist/ or run real builds. They keep getViteConfig, which
 *   gives them Astro's module graph (astro:content, .astro components); `npm test` builds and
 *   syncs first, so collections are populated.
 * - browser: Chromium against `astro preview`, nginx or a static server. One file at a time:
 *   Astro refuses a second preview in the same folder, and timings suffer from a shared CPU.
 * Groups run in order (unit, then build and budgets together, then browser), so a slow build
 * test never competes with Chromium.
 * `npm run test:unit` runs vitest.unit.config.ts alone, so it never loads this file (and with
 * it the Astro config); `test:build` (build and budgets) and `test:browser` select projects here.
 */

/** A project with Astro's module graph. Each loads the Astro config once, when the project starts. */
function astroProject(
  name: string,
  groupOrder: number,
  include: string[],
): TestProjectConfiguration {
  return getViteConfig(
    {
      test: {
        name,
        include,
        ...TEST_DEFAULTS,
        // Real builds and one dist/: one file at a time, as the whole suite ran before the split.
        fileParallelism: false,
        sequence: { groupOrder },
      },
    },
    { devToolbar: { enabled: false } },
  ) as TestProjectConfiguration;
}

export default defineConfig({
  test: {
    ...REPORTING,
    projects: [
      './vitest.unit.config.ts',
      astroProject('build', 1, ['tests/build/**/*.test.ts']),
      astroProject('budgets', 1, ['tests/budgets/**/*.test.ts']),
      {
        extends: false,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          ...TEST_DEFAULTS,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
