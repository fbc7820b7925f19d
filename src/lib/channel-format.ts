import { CHANNEL_KIND_LABELS, type Channel } from './content/channels.ts';

/**
 * How a reporting channel's contact details are written, for every component that shows
 * channels: the cards on /report/, the lists in materials and on posters, and the poster
 * footer. Data only: no wording of facts (those come from content/channels.yaml and the
 * site config).
 */

/** rel of links to other sites: send no Referer (which also implies noopener). */
export const EXTERNAL_REL = 'noreferrer';

/**
 * The tel: link of a channel, or undefined when it has no number or a one-tap call
 * would not work (dial: false). Digits only: 0871-12345678 → tel:087112345678.
 */
export function telHref(channel: Pick<Channel, 'phone' | 'dial'>): string | undefined {
  return channel.phone && channel.dial ? `tel:${channel.phone.replace(/-/g, '')}` : undefined;
}

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

/** What a poster footer prints after the kind: the web address (or how to find it) of a platform, else the number. */
export function footerContact(channel: Channel): string | undefined {
  return channel.kind === 'online' ? (webAddress(channel) ?? channel.how) : channel.phone;
}

/** 网上平台 for an online platform's address, 网站 for another channel's web page. */
export const webLabel = (channel: Pick<Channel, 'kind'>): string =>
  channel.kind === 'online' ? CHANNEL_KIND_LABELS.online : '网站';
