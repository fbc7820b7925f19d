/**
 * Progressive enhancements on every page, loaded as one small deferred module. It must
 * stay small: with src/client/prefs.js it is all the JavaScript a reading page loads
 * before the reader interacts (budget: 1.5 kB gzip). Anything bigger (the read-aloud
 * player, copying) is imported when the reader presses its button.
 */
import {
  isPrefOn,
  PREF_CLASSES,
  PREF_STORAGE_KEYS,
  type DisplayPref,
} from '../lib/display-prefs.ts';
import { pickChineseVoice } from '../lib/speech/voices.ts';
import copyModule from 'lazy:./copy.ts';
import readAloudModule from 'lazy:./read-aloud.ts';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const $$ = <T extends Element>(s: string) => document.querySelectorAll<T>(s);

/** 大字模式 and 高对比 buttons in the header (shown by the `js` class that prefs.js sets). */
function displayToggles(): void {
  const root = document.documentElement.classList;
  const more = matchMedia('(prefers-contrast: more)');
  const buttons = $$<HTMLButtonElement>('[data-pref]');
  const sync = () =>
    buttons.forEach((b) =>
      b.setAttribute(
        'aria-pressed',
        String(isPrefOn(b.dataset.pref as DisplayPref, root, more.matches)),
      ),
    );
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const pref = b.dataset.pref as DisplayPref;
      const on = !isPrefOn(pref, root, more.matches);
      if (pref === 'large') root.toggle(PREF_CLASSES.large, on);
      else {
        root.toggle(PREF_CLASSES.contrast, on);
        root.toggle(PREF_CLASSES.contrastOff, !on);
      }
      try {
        localStorage.setItem(PREF_STORAGE_KEYS[pref], on ? '1' : '0');
      } catch {
        /* storage disabled: the choice lasts for this page only */
      }
      sync();
    });
  }
  more.addEventListener('change', sync);
  sync();
}

/** 朗读: shown only when the browser has a Chinese voice; the player loads on the first press. */
function readAloud(): void {
  const box = document.querySelector<HTMLElement>('[data-read-aloud]');
  const synth = window.speechSynthesis;
  if (!box || !synth) return;
  const reveal = () => {
    if (pickChineseVoice(synth.getVoices())) box.hidden = false;
  };
  reveal();
  synth.addEventListener('voiceschanged', reveal);
  box.addEventListener('click', (e) => {
    const action = (e.target as Element).closest<HTMLElement>('[data-ra]')?.dataset.ra;
    if (action)
      void (
        import(/* @vite-ignore */ readAloudModule) as Promise<typeof import('./read-aloud.ts')>
      ).then((m) => m.control(box, action, () => pickChineseVoice(synth.getVoices())));
  });
}

export function enhance(): void {
  displayToggles();
  readAloud();
  // 复制链接 (and any other [data-copy] button).
  document.addEventListener('click', (e) => {
    const b = (e.target as Element).closest?.<HTMLElement>('[data-copy]');
    if (b)
      void (import(/* @vite-ignore */ copyModule) as Promise<typeof import('./copy.ts')>).then(
        (m) => m.copyFrom(b),
      );
  });
  // Tell a reader who opened a saved page without signal what they are looking at.
  const note = document.querySelector<HTMLElement>('[data-offline-note]');
  const online = () => note && (note.hidden = navigator.onLine);
  online();
  addEventListener('online', online);
  addEventListener('offline', online);
  // Offline reading: the service worker is written by src/integrations/service-worker.ts at build.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    addEventListener(
      'load',
      () => void navigator.serviceWorker.register(BASE + 'sw.js', { scope: BASE }).catch(() => {}),
    );
  }
}
