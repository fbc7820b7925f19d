import type { ContentProblem } from '../../errors/error-map.ts';
import type { Law } from '../../law/types.ts';
import { isPrintFilePath, MANIFEST_FILE } from '../../permalinks/manifest.ts';
import { REDIRECTS_FILE, type Redirect } from '../../permalinks/redirects.ts';
import { lawShortCode } from '../../permalinks/short-links.ts';
import { entryPath, lawArticlePath, shortLinkPath, STATIC_PATHS } from '../../routes.ts';
import type { CheckedEntry } from '../types.ts';

/**
 * Permanent URLs, checked from the files alone (the build checks them again on dist/):
 * every path of content/urls.manifest.txt still leads to a published page or a
 * declared redirect, and every redirect leads to a published page. Drafts are not
 * published: a production build leaves them out.
 */

export interface PermalinkInput {
  manifest: readonly string[];
  redirects: readonly Redirect[];
  laws: { aocl: Law };
  entries: readonly CheckedEntry[];
}

export function permalinkRules({ manifest, redirects, laws, entries }: PermalinkInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const pathOf = (e: CheckedEntry) => entryPath(e.collection, e.slug);
  const pages = new Set<string>(STATIC_PATHS);
  const drafts = new Map<string, string>();
  for (const a of laws.aocl.articles) {
    pages.add(lawArticlePath(a.number));
    pages.add(shortLinkPath(lawShortCode(a.number)));
  }
  for (const e of entries) {
    const paths = [pathOf(e), shortLinkPath(String(e.data.code))];
    for (const p of paths) {
      if (e.draft) drafts.set(p, e.path);
      else pages.add(p);
    }
  }
  const froms = new Set(redirects.map((r) => r.from));

  manifest.forEach((p) => {
    // Print files (/print/*.pdf, the campaign pack) exist only in a print build
    // (npm run build:print), whose permanent-URL check looks for each one in dist/.
    if (isPrintFilePath(p)) return;
    if (pages.has(p) || froms.has(p)) return;
    const draft = drafts.get(p);
    problems.push({
      file: MANIFEST_FILE,
      where: p,
      message: draft
        ? `这个网址已经发布过，但 ${draft} 现在是草稿（draft: true），正式构建不会生成它。印出去的二维码和别人转发的链接可能指向它：请去掉 draft，或者在 ${REDIRECTS_FILE} 里加一条跳转（from: ${p}，to: 新网址）`
        : `这个网址已经发布过，但现在没有这个页面（文件改名或删掉了？）。印出去的二维码和别人转发的链接可能指向它：请恢复这个页面，或者在 ${REDIRECTS_FILE} 里加一条跳转（from: ${p}，to: 新网址）；不要删掉网址清单里的这一行`,
    });
  });
  redirects.forEach((r, i) => {
    const where = `第 ${i + 1} 条（from: ${r.from}）`;
    if (!pages.has(r.to)) {
      const draft = drafts.get(r.to);
      problems.push({
        file: REDIRECTS_FILE,
        where,
        message: draft ? `跳转到的 ${r.to} 是草稿（${draft}），正式构建不会生成它；请跳到一个已发布的页面` : `跳转到的 ${r.to} 不是本站的页面；请写一个存在的网址，如 /qa/how-to-report/`,
      });
    }
    if (pages.has(r.from)) problems.push({ file: REDIRECTS_FILE, where, message: `原网址 ${r.from} 现在有自己的页面，不需要跳转；请删掉这一条` });
  });
  return problems;
}
