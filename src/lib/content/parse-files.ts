import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { formatPath, zhErrorMap, type ContentProblem } from '../errors/error-map.ts';
import { yamlErrorLine } from '../errors/yaml-errors.ts';
import { MDX_COLLECTIONS, SLUG_RE, type MdxCollection } from './collections.ts';
import { analyseMdx, splitFrontmatter } from './mdx.ts';
import { TODO } from './templates.ts';
import { lineWhere, type ParsedFile, type SourceFile } from './types.ts';

/**
 * The first pass of the content check: each MDX file on its own. Where it lives, its
 * name, its field block (YAML, then the collection's schema) and its body as MDX.
 * Files in the wrong place are reported and left out; every other file is parsed,
 * so the rules in rules/ see it even when its fields are wrong.
 */

/** The line of a top-level frontmatter key, counted in the whole file. */
export function keyLine(doc: Document, counter: LineCounter, key: string | number | undefined, offset: number): number | undefined {
  if (key === undefined || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? counter.linePos(range[0]).line + offset : undefined;
}

function collectionOf(path: string): { collection: MdxCollection; rest: string } | undefined {
  for (const c of MDX_COLLECTIONS) {
    const prefix = `content/${c.dir}/`;
    if (path.startsWith(prefix)) return { collection: c, rest: path.slice(prefix.length) };
  }
  return undefined;
}

export function parseFiles(files: SourceFile[]): { parsed: ParsedFile[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const parsed: ParsedFile[] = [];
  const add = (file: string, message: string, where?: string) => problems.push({ file, where, message });

  for (const file of files) {
    const found = collectionOf(file.path);
    if (!found) continue;
    const { collection, rest } = found;
    if (rest.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))) continue; // templates, hidden files
    if (rest.includes('/')) {
      add(file.path, `请把文件直接放在 content/${collection.dir}/ 文件夹里，不要放在子文件夹中`);
      continue;
    }
    if (!rest.endsWith('.mdx')) {
      add(file.path, `content/${collection.dir}/ 里只能放 .mdx 文件；请删除或移走这个文件（图片请放在 public/images/）`);
      continue;
    }
    const slug = rest.slice(0, -'.mdx'.length);
    if (!SLUG_RE.test(slug)) {
      add(file.path, `文件名会成为网址，只能用小写英文字母、数字和连字符“-”，如 how-to-report.mdx`, '文件名');
    }
    const entry: ParsedFile = { file, collection, slug, data: undefined };
    parsed.push(entry);

    const { yaml, body } = splitFrontmatter(file.text);
    if (!body.includes(TODO)) entry.mdx = analyseMdx(file.text);
    if (yaml === undefined) {
      add(file.path, '文件开头缺少字段区：第一行应为 ---，写完字段后再写一行 ---', '第 1 行');
      continue;
    }
    const counter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
      // One unclosed bracket gives several parser errors: report each line once.
      const lines = [...new Map(doc.errors.map((e) => [yamlErrorLine(yaml, e) + 1, e])).entries()];
      for (const [line, e] of lines) {
        add(file.path, `字段区的 YAML 格式错误（${e.code}）。常见原因：冒号后少了空格、缩进不齐、引号或方括号没有配对`, lineWhere(line));
      }
      continue;
    }
    entry.yaml = { doc, counter };
    const todoLines = yaml.split('\n').flatMap((l, i) => (l.includes(TODO) ? [i + 2] : []));
    for (const line of todoLines) add(file.path, `还有没填写的内容（${TODO}）；请换成实际内容`, lineWhere(line));
    const result = collection.schema.safeParse(doc.toJS() ?? {}, { error: zhErrorMap });
    if (!result.success) {
      for (const iss of result.error.issues) {
        const line = keyLine(doc, counter, iss.path[0] as string | undefined, 1);
        const where = [lineWhere(line), iss.path.length ? `字段 ${formatPath(iss.path)}` : undefined].filter(Boolean).join(' · ');
        add(file.path, iss.message, where || undefined);
      }
      continue;
    }
    entry.data = result.data as Record<string, unknown>;
  }
  return { parsed, problems };
}
