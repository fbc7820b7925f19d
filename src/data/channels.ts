import { getCollection, type CollectionEntry } from 'astro:content';
import site from 'virtual:aocl/site-config';
import type { Channel } from '../lib/content/channels.ts';

/**
 * Reporting channels, from data only: local ones from the site config, national ones
 * from content/channels.yaml. getChannels() for the /report/ page, getPrintChannels()
 * for what printed items carry.
 */

/** Reporting channels: the deployer's local ones first, then the national ones. */
export async function getChannels(): Promise<{ local: Channel[]; national: Channel[] }> {
  const national = (await getCollection('channels')).map((e) => e.data);
  return { local: site.channels.map((c) => ({ ...c, jurisdiction: 'local' as const })), national };
}

/**
 * Printed items carry at most this many local channels (the first ones in the site config),
 * so that a sheet always has room for them: a poster cannot grow.
 */
export const MAX_LOCAL_ON_PRINT = 2;

/** National channels in the order printed items list them: emergencies first, then by what is reported. */
const NATIONAL_ORDER = ['110', '12337', '12388', '12309', '12389'];

export interface PrintChannels {
  /** Every local channel from the site config, for screen pages. */
  allLocal: Channel[];
  /** Local channels from the site config, in their order there (at most MAX_LOCAL_ON_PRINT). */
  local: Channel[];
  /** Local phone channels: the "local hotline" on posters (at most MAX_LOCAL_ON_PRINT). */
  localPhones: Channel[];
  /** 110. */
  emergency: Channel;
  /** The 12337 online platform. */
  platform: Channel;
  /** All national channels. */
  national: Channel[];
  /** National channels by their id in content/channels.yaml. */
  nationalById: Array<[string, Channel]>;
}

let cache: Promise<PrintChannels> | undefined;

async function load(): Promise<PrintChannels> {
  const entries = await getCollection('channels');
  const byId = new Map(entries.map((e: CollectionEntry<'channels'>) => [e.id, e.data]));
  const need = (id: string) => {
    const c = byId.get(id);
    if (!c)
      throw new Error(`content/channels.yaml 里缺少 id 为 "${id}" 的全国渠道；海报和明白卡要用它`);
    return c;
  };
  const rank = (id: string) => {
    const i = NATIONAL_ORDER.indexOf(id);
    return i === -1 ? NATIONAL_ORDER.length : i;
  };
  const nationalEntries = entries
    .filter((e) => e.data.jurisdiction === 'national')
    .sort((a, b) => rank(a.id) - rank(b.id));
  const national = nationalEntries.map((e) => e.data);
  return {
    allLocal: site.channels,
    local: site.channels.slice(0, MAX_LOCAL_ON_PRINT),
    localPhones: site.channels
      .filter((c: Channel) => c.kind === 'phone')
      .slice(0, MAX_LOCAL_ON_PRINT),
    emergency: need('110'),
    platform: need('12337'),
    national,
    nationalById: nationalEntries.map((e) => [e.id, e.data]),
  };
}

export function getPrintChannels(): Promise<PrintChannels> {
  cache ??= load();
  return cache;
}
