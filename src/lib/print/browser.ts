import { chromium, type Browser } from 'playwright-core';

/**
 * The one way this project starts Chromium: `npm run build:print` (PDFs), the browser
 * tests and the benchmarks all launch it from here. Debian's Chromium by default;
 * CHROMIUM_PATH selects another build. Never downloads a browser.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Started the way this network allows (no background traffic). Also used by `npm run bench:lighthouse`. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
