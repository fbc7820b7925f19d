import { getCollection } from 'astro:content';
import { assertShortLinks, lawShortCode, type ShortLink } from '../lib/permalinks/short-links.ts';
import { LAWS } from '../lib/law/registry.ts';
import { qaPagePath } from '../lib/posters/paths.ts';
import { lawArticlePath } from '../lib/urls.ts';
import { getLaw } from './law.ts';
import { getMaterials } from './materials.ts';

/**
 * Every short link of the site: law articles (rule l<n>), Q&A and materials (their
 * `code` field). A duplicate code fails the build, naming both files.
 */

let cache: Promise<ShortLink[]> | undefined;

async function load(): Promise<ShortLink[]> {
  const law = await getLaw('aocl');
  const lawFile = `content/law/${LAWS.aocl.entry}.md`;
  const links: ShortLink[] = law.articles.map((a) => ({
    code: lawShortCode(a.number),
    target: lawArticlePath(a.number),
    title: `反有组织犯罪法${a.label}`,
    source: `${lawFile}（${a.label}）`,
    rule: true,
  }));
  const qa = await getCollection('qa', (e) => !e.data.draft || import.meta.env.DEV);
  for (const e of qa) {
    links.push({ code: e.data.code, target: qaPagePath(e.id), title: e.data.title, source: e.filePath ?? `content/qa/${e.id}.mdx` });
  }
  for (const m of await getMaterials()) {
    links.push({ code: m.data.code, target: m.path, title: m.data.title, source: m.file });
  }
  assertShortLinks(links);
  return links;
}

export function getShortLinks(): Promise<ShortLink[]> {
  cache ??= load();
  return cache;
}

/** The short link whose target is this page. */
export async function shortLinkTo(target: string): Promise<ShortLink> {
  const link = (await getShortLinks()).find((l) => l.target === target);
  if (!link) throw new Error(`没有指向 ${target} 的短网址`);
  return link;
}
