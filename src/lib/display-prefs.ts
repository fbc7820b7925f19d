/**
 * 大字模式 and 高对比: what is stored (localStorage only, never cookies) and which class
 * each choice puts on <html>. The blocking script src/client/prefs.js applies the
 * stored choice before first paint; it cannot import this file, so a unit test runs it
 * against these names.
 */

export type DisplayPref = 'large' | 'contrast';

export const PREF_STORAGE_KEYS: Record<DisplayPref, string> = {
  large: 'aocl:large',
  contrast: 'aocl:contrast',
};

/** Classes on <html>: `js` (scripts run), `large`, `contrast`, and `nocontrast` (turned off despite prefers-contrast: more). */
export const PREF_CLASSES = {
  js: 'js',
  large: 'large',
  contrast: 'contrast',
  contrastOff: 'nocontrast',
} as const;

/** Stored values: "1" on, "0" off (only contrast stores "0", to override the system setting). */
export function classesFor(stored: Partial<Record<DisplayPref, string | null>>): string[] {
  const out: string[] = [PREF_CLASSES.js];
  if (stored.large === '1') out.push(PREF_CLASSES.large);
  if (stored.contrast === '1') out.push(PREF_CLASSES.contrast);
  else if (stored.contrast === '0') out.push(PREF_CLASSES.contrastOff);
  return out;
}

/** Whether a preference is in effect, given the classes on <html> and whether the system asks for more contrast. */
export function isPrefOn(
  pref: DisplayPref,
  classes: { contains(c: string): boolean },
  systemMoreContrast: boolean,
): boolean {
  if (pref === 'large') return classes.contains(PREF_CLASSES.large);
  return (
    classes.contains(PREF_CLASSES.contrast) ||
    (systemMoreContrast && !classes.contains(PREF_CLASSES.contrastOff))
  );
}
