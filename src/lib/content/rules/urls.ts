import type { ContentProblem } from '../../errors/error-map.ts';
import { MANIFEST_FILE } from '../../permalinks/manifest.ts';
import { LAW_CODE_RE } from '../../permalinks/short-links.ts';
import { entryPath, shortLinkPath } from '../../routes.ts';
import type { ParsedFile, RuleContext } from '../types.ts';

/**
 * Addresses: two files whose names differ only in case would share a URL on many
 * hosts; two pages must never share a short code (/q/<code>/ on printed posters), and
 * codes of the form l<n> belong to law articles. When two files share a code, the one
 * already published (its page is in content/urls.manifest.txt) keeps it.
 */
export function urlRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const codes = new Map<string, ParsedFile | string>(input.reservedCodes ?? []);
  const urls = new Map<string, string>();
  const published = (p: ParsedFile) => input.published?.has(entryPath(p.collection.name, p.slug)) ?? false;
  for (const p of parsed) {
    const path = p.file.path;
    const url = entryPath(p.collection.name, p.slug.toLowerCase());
    const twin = urls.get(url);
    if (twin) problems.push({ file: path, where: '文件名', message: `和 ${twin} 的网址相同（${url}）；文件名不能重复（不区分大小写），请换一个文件名` });
    else urls.set(url, path);
    if (!p.data) continue;
    const code = p.data.code as string;
    if (LAW_CODE_RE.test(code)) {
      problems.push({ file: path, where: '字段 code', message: `短码“${code}”是“l 加数字”的形式，这种短码留给法律条文（如 l61 是第六十一条）；请换一个（运行 npm run new 会自动生成新的短码）` });
      continue;
    }
    const owner = codes.get(code);
    if (owner === undefined) {
      codes.set(code, p);
      continue;
    }
    if (typeof owner === 'string') {
      problems.push({ file: path, where: '字段 code', message: `短码“${code}”已经被 ${owner} 使用；每个页面的短码必须不同（运行 npm run new 会自动生成新的短码）` });
      continue;
    }
    const link = shortLinkPath(code);
    const [a, b] = [published(owner), published(p)];
    if (a !== b) {
      const [keep, change] = a ? [owner, p] : [p, owner];
      problems.push({
        file: change.file.path,
        where: '字段 code',
        message: `短码“${code}”已经被 ${keep.file.path} 使用；那个页面已经发布（在 ${MANIFEST_FILE} 里），${link} 可能已经印在海报上，不能再改。请给本文件换一个没有用过的短码（运行 npm run new 会自动生成新的短码）`,
      });
    } else if (a) {
      problems.push({
        file: path,
        where: '字段 code',
        message: `短码“${code}”重复：${owner.file.path} 和 ${path} 都用了它，两个页面都已经发布。印出去的 ${link} 只能指向其中一个：请查一下印好的海报和明白卡上的 ${link} 是哪一个页面的，保留它的短码，给另一个换一个没有用过的短码；改掉的那个页面如果也印过，它的二维码会失效`,
      });
    } else {
      problems.push({
        file: path,
        where: '字段 code',
        message: `短码“${code}”重复：${owner.file.path} 和 ${path} 都用了它，两个页面都还没有发布，改哪一个都不会让印出去的 ${link} 失效。请给其中一个换一个没有用过的短码（运行 npm run new 会自动生成新的短码）`,
      });
    }
  }
  return problems;
}
