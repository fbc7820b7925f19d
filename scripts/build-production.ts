/**
 * npm run build:production — the site for publishing: `npm run build:print` (pages and
 * print-ready PDFs) with SITE_MODE=production, in which the build refuses a local or
 * example address and an empty organization or region. A node script rather than
 * `SITE_MODE=production …` in package.json, so that it runs the same on Windows.
 */
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['scripts/build-print.ts'], {
  stdio: 'inherit',
  env: { ...process.env, SITE_MODE: 'production' },
});
process.exit(r.status ?? 1);
