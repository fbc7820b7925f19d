/**
 * Chooses the voice for 朗读 from what the browser offers. Mandarin for mainland China
 * first, then any other Chinese voice (a zh-HK voice reads the text in Cantonese, still
 * better than none). Returns undefined when there is no Chinese voice: the button stays hidden.
 */
export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

const MAINLAND = new Set(['zh', 'zh-cn', 'zh-hans', 'zh-hans-cn', 'cmn', 'cmn-cn', 'cmn-hans-cn']);

const rank = (v: VoiceLike): number => {
  const lang = v.lang.replace(/_/g, '-').toLowerCase();
  if (!/^(zh|cmn|yue)(-|$)/.test(lang)) return -1;
  let r = MAINLAND.has(lang) ? 30 : /^yue|-hk$|-mo$/.test(lang) ? 10 : 20;
  // Among voices of the same language, one on the device: it works offline, and the browser
  // sends nothing to an online speech service (Chrome's own Google voices are online).
  if (v.localService) r += 2;
  if (v.default) r += 1;
  return r;
};

export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  let best: V | undefined;
  let bestRank = -1;
  for (const v of voices) {
    const r = rank(v);
    if (r > bestRank) [best, bestRank] = [v, r];
  }
  return best;
}
