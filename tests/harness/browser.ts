/** The browser-launch module is shared with `npm run build:print`: see src/lib/print/browser.ts. */
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../src/lib/print/browser.ts';
