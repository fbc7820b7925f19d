import { getCollection } from 'astro:content';
import site from 'virtual:aocl/site-config';
import type { Channel } from '../lib/content/channels.ts';

/** Reporting channels: the deployer's local ones first, then the national ones. */
export async function getChannels(): Promise<{ local: Channel[]; national: Channel[] }> {
  const national = (await getCollection('channels')).map((e) => e.data);
  return { local: site.channels.map((c) => ({ ...c, jurisdiction: 'local' as const })), national };
}
