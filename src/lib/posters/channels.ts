import type { Channel } from '../content/channels.ts';

/** Small helpers to show reporting channels compactly on printed items. Data only, no wording of facts. */

/** The first sentence of a channel's `purpose`, without its full stop. */
export function firstSentence(text: string): string {
  const i = text.search(/[。！？]/);
  return (i === -1 ? text : text.slice(0, i)).trim();
}

/** The host of a channel's web address, as people type it: https://www.12337.gov.cn/ → www.12337.gov.cn */
export function webAddress(channel: Pick<Channel, 'url'>): string | undefined {
  if (!channel.url) return undefined;
  const u = new URL(channel.url);
  const path = u.pathname === '/' ? '' : u.pathname;
  return u.host + path;
}
