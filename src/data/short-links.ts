import { assertShortLinks, lawShortCode, type ShortLink } from '../lib/permalinks/short-links.ts';
import { LAWS } from '../lib/law/registry.ts';
import { entryPath, lawArticlePath, qaPath } from '../lib/routes.ts';
import { getLaw } from './law.ts';
import { getMaterials } from './materials.ts';
import { getQa } from './qa.ts';
import { getCases, getNews } from './stories.ts';

/**
 * Every short link of the site: law articles (rule l<n>), Q&A, materials, cases and
 * news (their `code` field). A duplicate code fails the build, naming both files.
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
  for (const e of await getQa()) {
    links.push({
      code: e.data.code,
      target: qaPath(e.id),
      title: e.data.title,
      source: e.filePath ?? `content/qa/${e.id}.mdx`,
    });
  }
  for (const [list, dir] of [
    [await getCases(), 'cases'],
    [await getNews(), 'news'],
  ] as const) {
    for (const e of list) {
      links.push({
        code: e.data.code,
        target: entryPath(dir, e.id),
        title: e.data.title,
        source: e.filePath ?? `content/${dir}/${e.id}.mdx`,
      });
    }
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
