import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../harness/browser.ts';
import { startPreview, type RunningServer } from '../harness/server.ts';

/**
 * What the browser tests of residents' features share: the built site in `astro preview`
 * and one Chromium per test file, phone-sized contexts, and stand-ins for what Chromium
 * lacks headless (speech synthesis).
 */
export interface Site {
  server: RunningServer;
  browser: Browser;
  contexts: BrowserContext[];
  /** A phone-sized context, closed after the file. */
  open(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Starts the preview server and Chromium before the file's tests, and stops them after. */
export function useSite(): Site {
  const site = {
    contexts: [] as BrowserContext[],
    async open(options: BrowserContextOptions = {}) {
      // Service workers are tested on their own (offline.test.ts); elsewhere they would only add noise.
      const ctx = await site.browser.newContext({
        viewport: { width: 375, height: 812 },
        serviceWorkers: 'block',
        ...options,
      });
      site.contexts.push(ctx);
      return ctx;
    },
  } as Site;
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([startPreview(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(site.contexts.map((c) => c.close()));
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

export const classes = (page: Page) =>
  page.evaluate(() => document.documentElement.className.split(/\s+/).sort());
export const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => getComputedStyle(e).fontSize);

/** Records the <html> classes when <body> first appears, and every layout shift. */
export function watchFirstPaint(): void {
  const w = window as unknown as { __bodyClasses?: string; __shifts: number[] };
  w.__shifts = [];
  new MutationObserver((_, obs) => {
    if (document.body) {
      w.__bodyClasses = document.documentElement.className;
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<
      PerformanceEntry & { value: number; hadRecentInput: boolean }
    >)
      if (!e.hadRecentInput) w.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

export interface SpeechLog {
  spoken: Array<{ text: string; lang: string; voice: string | undefined }>;
  paused: boolean;
}

/** A stand-in for the browser's speech synthesis, with the given voices (now, or after a delay). */
export function stubSpeech(arg: {
  voices: Array<{ lang: string; name: string }>;
  delay?: number;
  none?: boolean;
}): void {
  const w = window as unknown as Record<string, unknown>;
  if (arg.none) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  let voices = arg.delay ? [] : arg.voices;
  const events = new EventTarget();
  const log: SpeechLog = { spoken: [], paused: false };
  let current: { onend?: () => void; onerror?: (e: unknown) => void } | undefined;
  const synth = {
    getVoices: () =>
      voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
    speak(u: { text: string; lang: string; voice?: { name: string } }) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
      current = u as typeof current;
    },
    cancel() {
      const u = current;
      current = undefined;
      u?.onerror?.({ error: 'canceled' });
    },
    pause: () => (log.paused = true),
    resume: () => (log.paused = false),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    lang = '';
    voice = null;
    text: string;
    constructor(text: string) {
      this.text = text;
    }
  };
  w.__speech = log;
  w.__finishSentence = () => {
    const u = current;
    current = undefined;
    u?.onend?.();
  };
  if (arg.delay) {
    setTimeout(() => {
      voices = arg.voices;
      events.dispatchEvent(new Event('voiceschanged'));
    }, arg.delay);
  }
}
