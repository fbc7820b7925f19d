import type { ContentProblem } from '../../errors/error-map.ts';
import { entryPath, lawAnchorExists, PAGES, withTrailingSlash } from '../../routes.ts';
import { lineWhere, type RuleContext } from '../types.ts';

/**
 * Links lead to pages that exist (not to drafts, from a published page); images are
 * local files with a description. Reference-style ones ([文字][id], ![说明][id]) are
 * resolved through their definitions by mdx.ts, so they obey the same rules. A link to
 * another site stays allowed: a link is navigation, not a request.
 */

const EXTERNAL_RE = /^(https?:)?\/\//;

export function linkRules({ parsed, input, known }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const law = input.laws.aocl;
  // Drafts are left out of a production build: a published page must not link to one.
  const drafts = new Map(parsed.filter((p) => p.data?.draft === true).map((p) => [entryPath(p.collection.name, p.slug), p.file.path]));
  for (const p of parsed) {
    const mdx = p.mdx;
    if (!mdx || mdx.syntaxError) continue;
    const file = p.file.path;
    for (const link of mdx.links) {
      const where = lineWhere(link.line);
      if (EXTERNAL_RE.test(link.url) || /^(mailto|tel):/.test(link.url)) continue;
      if (!link.url.startsWith('/')) {
        problems.push({ file, where, message: `站内链接请从网站根目录写起，以“/”开头并以“/”结尾，如 [举报渠道](/report/)；这里写的是“${link.url}”` });
        continue;
      }
      const [pagePath, anchor] = link.url.split('#') as [string, string | undefined];
      const target = withTrailingSlash(pagePath);
      const draft = drafts.get(target);
      if (draft && p.data?.draft !== true) {
        problems.push({ file, where, message: `链接指向草稿 ${draft}（${target}）：正式发布时没有这个页面，读者会点到空页面。请等它发布后再加链接，或者先去掉这个链接` });
      } else if (!known.has(target)) {
        problems.push({ file, where, message: `链接指向的页面不存在：${link.url}。请检查网址（法律条文写成 /law/61/，问答写成 /qa/文件名/）` });
      } else if (anchor && target === PAGES.law && !lawAnchorExists(anchor, law.articles.length, law.chapters.length)) {
        problems.push({ file, where, message: `/law/ 页面上没有 #${anchor} 这个位置；条文写成 #art-61，章写成 #chapter-7` });
      }
    }
    for (const img of mdx.images) {
      const where = lineWhere(img.line);
      if (!img.alt.trim()) problems.push({ file, where, message: `图片缺少说明文字：请写成 ![图片内容的简短说明](${img.url})，方便视力不好的读者` });
      if (EXTERNAL_RE.test(img.url)) {
        problems.push({ file, where, message: '图片不能从其他网站加载；请把图片文件放进 public/images/，再写成 /images/文件名' });
      } else if (img.url.startsWith('/') && !input.exists(`public${img.url}`)) {
        problems.push({ file, where, message: `找不到图片文件 public${img.url}；请把图片放进 public/images/ 文件夹，并检查文件名（区分大小写）` });
      } else if (!img.url.startsWith('/')) {
        problems.push({ file, where, message: `图片地址请写成 /images/文件名（文件放在 public/images/ 里）；这里写的是“${img.url}”` });
      }
    }
  }
  return problems;
}
