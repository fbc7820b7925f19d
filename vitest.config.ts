/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests the same module graph as the site (astro:content, virtual
// modules). `npm test` builds and syncs first, so collections are populated.
export default getViteConfig(
  {
    test: {
      include: ['tests/**/*.test.ts'],
      // Browser tests share one preview server and one Chromium: run files one at a time.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      reporters: ['default', 'json'],
      outputFile: { json: '.astro/vitest-report.json' },
    },
  },
  { devToolbar: { enabled: false } },
);
