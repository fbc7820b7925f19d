import { defineConfig } from 'vitest/config';

/**
 * The `unit` project on its own: a plain Vite config, so `npm run test:unit` never loads
 * the Astro config and its integrations (10–15 s a start, the content check included).
 * vitest.config.ts lists this file as one of the suite's projects and imports the shared
 * settings below.
 */

// includeTaskLocation lets tests/harness/distinct-checks-reporter.ts count each `it` once.
export const TEST_DEFAULTS = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  includeTaskLocation: true,
};
export const REPORTING = {
  reporters: ['default', 'json', './tests/harness/distinct-checks-reporter.ts'],
  outputFile: { json: '.astro/vitest-report.json' },
};

export default defineConfig({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    ...TEST_DEFAULTS,
    // One worker runs many files: starting a fresh one per file cost more than the tests.
    // Unit tests keep no module state between files (no mocks, no globals).
    isolate: false,
    sequence: { groupOrder: 0 },
    ...REPORTING,
  },
});
