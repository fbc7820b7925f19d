import { getEntry } from 'astro:content';
import { parseLaw } from '../lib/law/parse.ts';
import { LAWS, LAW_IDS, type LawId } from '../lib/law/registry.ts';
import type { Law } from '../lib/law/types.ts';

/** Parsed law texts, read once per build from the `law` collection. */

let cache: Promise<Record<LawId, Law>> | undefined;

async function load(): Promise<Record<LawId, Law>> {
  const entries = await Promise.all(
    LAW_IDS.map(async (id) => {
      const entry = await getEntry('law', LAWS[id].entry);
      if (!entry?.body) throw new Error(`content/law/${LAWS[id].entry}.md 缺失或为空`);
      return [id, parseLaw(entry.body)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<LawId, Law>;
}

export function getLaws(): Promise<Record<LawId, Law>> {
  cache ??= load();
  return cache;
}

export async function getLaw(id: LawId = 'aocl'): Promise<Law> {
  return (await getLaws())[id];
}
