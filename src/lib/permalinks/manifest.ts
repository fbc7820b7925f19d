import type { ContentProblem } from '../errors/error-map.ts';
import { formatProblem } from '../errors/error-map.ts';
import { POSTERS_PREFIX } from '../routes.ts';

/**
 * The URL manifest (content/urls.manifest.txt): every public path the site has ever
 * published, one per line. Printed QR codes and shared links point at these paths,
 * so the build checks that each one still leads to a page or a declared redirect.
 *
 * Paths are site paths without the deployment's sub-path: /law/61/, not /pufa/law/61/.
 */

export const MANIFEST_FILE = 'content/urls.manifest.txt';

/** Print views, not addresses: posters carry the /q/ short link, never their own URL. */
export const UNLISTED_PREFIXES = [POSTERS_PREFIX] as const;

export class ManifestError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      ['网址清单有误，请修改后重试：', ...problems.map((p) => '  - ' + formatProblem(p))].join(
        '\n',
      ),
    );
    this.name = 'ManifestError';
    this.problems = problems;
  }
}

/** The comment block at the top of a new manifest, for editors and deployers. */
export const MANIFEST_HEADER = `# 永久网址清单：本站发布过的每一个网址，每行一个。
# 海报、明白卡上的二维码和别人转发的链接都指向这些网址，所以它们必须一直能打开。
# - 构建时逐条检查：哪个网址没有页面了，构建就停止，并列出这个网址。
# - 改了网址（比如改了文件名）或删掉了页面：不要删这里的行，
#   而是在 content/redirects.yaml 里加一条跳转，把旧网址带到新网址。
# - 新增页面以后运行 npm run urls:add，把新网址加到这里，然后提交。
# 网址不含网站的子路径（baseUrl 的路径部分）。海报打印页（/posters/…）不列在这里：
# 海报上印的是 /q/ 短网址。
# /print/ 下的 PDF 和压缩包只有 npm run build:print（或 build:production）才生成：
# 普通构建不检查它们，打印构建逐个检查。
`;

const PATH_RE = /^\/(?:[^\s/?#]+\/)*$/;
/** Print-ready files (src/lib/print/files.ts): made only by print builds (npm run build:print). */
const PRINT_FILE_RE = /^\/print\/[a-z0-9][a-z0-9.-]*\.(?:pdf|zip)$/;

/** A print file's address, as the manifest lists it: /print/law-61-a4.pdf. */
export function isPrintFilePath(p: string): boolean {
  return PRINT_FILE_RE.test(p);
}

/** Addresses of print files in a build, from file paths relative to dist/ ("print/law-61-a4.pdf" → "/print/law-61-a4.pdf"). */
export function printFilePathsFromFiles(files: readonly string[]): string[] {
  return files
    .map((f) => '/' + f.split('\\').join('/'))
    .filter(isPrintFilePath)
    .sort(comparePaths);
}

/** A site path as the manifest and redirects write it: starts and ends with "/", no query, no spaces. */
export function isSitePath(p: string): boolean {
  return PATH_RE.test(p);
}

/** Parses the manifest text. Blank lines and lines starting with # are ignored. */
export function parseManifest(text: string, file: string = MANIFEST_FILE): string[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  const paths: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `第 ${i + 1} 行`;
    if (!isSitePath(line) && !isPrintFilePath(line)) {
      problems.push({
        file,
        where,
        message: `“${line}”不是本站网址：每行写一个以 / 开头、以 / 结尾的路径，如 /law/61/（打印文件写 /print/文件名.pdf）`,
      });
      return;
    }
    const dup = seen.get(line);
    if (dup !== undefined) {
      problems.push({ file, where, message: `“${line}”重复，第 ${dup} 行已经有了；删掉这一行` });
      return;
    }
    seen.set(line, i + 1);
    paths.push(line);
  });
  if (problems.length) throw new ManifestError(problems);
  return paths;
}

/** Paths of the manifest that resolve to nothing, in manifest order. */
export function unresolvedPaths(
  paths: readonly string[],
  resolves: (path: string) => boolean,
): string[] {
  return paths.filter((p) => !resolves(p));
}

/** Whether a built page belongs in the manifest (posters and the 404 page do not). */
export function isManifestPath(path: string): boolean {
  if (isPrintFilePath(path)) return true;
  return isSitePath(path) && !UNLISTED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Site paths of the HTML pages in a build, from file paths relative to dist/
 * ("law/61/index.html" → "/law/61/"). Files other than index.html (404.html) are no pages
 * a reader is sent to.
 */
export function pagePathsFromFiles(files: readonly string[]): string[] {
  return files
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => '/' + f.slice(0, -'index.html'.length))
    .filter(isManifestPath)
    .sort(comparePaths);
}

/** Sorts paths by segment, with numbers in numeric order: /law/2/ before /law/10/. */
export function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Appends the paths not yet listed to the manifest text, keeping every existing line
 * (and its comments) as it is. Returns the new text and what was added.
 */
export function addToManifest(
  text: string,
  found: readonly string[],
  file: string = MANIFEST_FILE,
): { text: string; added: string[] } {
  const listed = new Set(parseManifest(text, file));
  const added = [...new Set(found)]
    .filter((p) => isManifestPath(p) && !listed.has(p))
    .sort(comparePaths);
  if (added.length === 0) return { text, added };
  const body = text.length === 0 || text.endsWith('\n') ? text : text + '\n';
  return { text: body + added.join('\n') + '\n', added };
}
