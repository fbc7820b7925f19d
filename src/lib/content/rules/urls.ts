import type { ContentProblem } from '../../errors/error-map.ts';
import type { RuleContext } from '../types.ts';

/**
 * Addresses: two files whose names differ only in case would share a URL on many
 * hosts, and two pages must never share a short code (/q/<code>/ on printed posters).
 */
export function urlRules({ parsed, input }: RuleContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const codes = new Map<string, string>(input.reservedCodes ?? []);
  const urls = new Map<string, string>();
  for (const p of parsed) {
    const path = p.file.path;
    const url = p.collection.path(p.slug.toLowerCase());
    const twin = urls.get(url);
    if (twin) problems.push({ file: path, where: '文件名', message: `和 ${twin} 的网址相同（${url}）；文件名不能重复（不区分大小写），请换一个文件名` });
    else urls.set(url, path);
    if (!p.data) continue;
    const code = p.data.code as string;
    const owner = codes.get(code);
    if (owner) problems.push({ file: path, where: '字段 code', message: `短码“${code}”已经被 ${owner} 使用；每个页面的短码必须不同（运行 npm run new 会自动生成新的短码）` });
    else codes.set(code, path);
  }
  return problems;
}
