import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { formatPath, zhErrorMap, type ContentProblem } from '../errors/error-map.ts';
import { resolveCitation } from '../law/cite.ts';
import type { LawId } from '../law/registry.ts';
import type { Law } from '../law/types.ts';
import { entryPath, lawAnchorExists, lawArticlePath, PAGES, STATIC_PATHS, withTrailingSlash } from '../routes.ts';
import { MDX_COLLECTIONS, SLUG_RE, type MdxCollection } from './collections.ts';
import { EDITOR_COMPONENTS } from './components.ts';
import { analyseMdx, splitFrontmatter } from './mdx.ts';
import { TODO } from './templates.ts';

/**
 * The content rules, shared by `npm run check:content` and the build. Pure: it gets
 * file names and texts, and answers with every problem found (not just the first),
 * each naming the file, the line or field, and what to write instead.
 */

export interface SourceFile {
  /** Path from the project root, with forward slashes: content/qa/how-to-report.mdx */
  path: string;
  text: string;
}

export interface CheckInput {
  /** Every file under content/<collection dir>/ for the MDX collections. */
  files: SourceFile[];
  laws: Record<LawId, Law>;
  /** Does this file exist? (paths from the project root) */
  exists: (path: string) => boolean;
  /** Short codes already taken outside the MDX collections (law articles, materials): code → owner. */
  reservedCodes?: Map<string, string>;
  /** Extra pages that exist (e.g. from other collections). */
  extraPaths?: Iterable<string>;
}

export interface CheckedEntry {
  collection: MdxCollection['name'];
  slug: string;
  path: string;
  draft: boolean;
  data: Record<string, unknown>;
}

export interface CheckResult {
  problems: ContentProblem[];
  entries: CheckedEntry[];
}

const COMPONENT_HELP: Record<string, string> = {
  Cite: '<Cite article={61} />',
  Scenario: '<Scenario>……</Scenario>',
  Organization: '<Organization />（主办单位）',
  Region: '<Region />（地区）',
};

/** The line of a top-level frontmatter key, counted in the whole file. */
function keyLine(doc: Document, counter: LineCounter, key: string | number | undefined, offset: number): number | undefined {
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

export function checkContent(input: CheckInput): CheckResult {
  const problems: ContentProblem[] = [];
  const entries: CheckedEntry[] = [];
  const add = (file: string, message: string, where?: string) => problems.push({ file, where, message });

  // Pass 1: each file on its own (name, frontmatter, schema).
  const parsed: Array<{ file: SourceFile; collection: MdxCollection; slug: string; data: Record<string, unknown> | undefined }> = [];
  for (const file of input.files) {
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

    const { yaml } = splitFrontmatter(file.text);
    if (yaml === undefined) {
      add(file.path, '文件开头缺少字段区：第一行应为 ---，写完字段后再写一行 ---', '第 1 行');
      parsed.push({ file, collection, slug, data: undefined });
      continue;
    }
    const counter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = counter.linePos(e.pos[0]).line + 1;
        add(file.path, `字段区的 YAML 格式错误（${e.code}）。常见原因：冒号后少了空格、缩进不齐、引号或方括号没有配对`, `第 ${line} 行`);
      }
      parsed.push({ file, collection, slug, data: undefined });
      continue;
    }
    const todoLines = yaml.split('\n').flatMap((l, i) => (l.includes(TODO) ? [i + 2] : []));
    for (const line of todoLines) add(file.path, `还有没填写的内容（${TODO}）；请换成实际内容`, `第 ${line} 行`);
    const raw = doc.toJS() as unknown;
    const result = collection.schema.safeParse(raw ?? {}, { error: zhErrorMap });
    if (!result.success) {
      for (const iss of result.error.issues) {
        const line = keyLine(doc, counter, iss.path[0] as string | undefined, 1);
        const where = [line ? `第 ${line} 行` : undefined, iss.path.length ? `字段 ${formatPath(iss.path)}` : undefined].filter(Boolean).join(' · ');
        add(file.path, iss.message, where || undefined);
      }
      parsed.push({ file, collection, slug, data: undefined });
      continue;
    }
    parsed.push({ file, collection, slug, data: result.data as Record<string, unknown> });
  }

  // Known pages, for the link check.
  const known = new Set<string>([...STATIC_PATHS, ...(input.extraPaths ?? [])]);
  for (const a of input.laws.aocl.articles) known.add(lawArticlePath(a.number));
  for (const p of parsed) known.add(entryPath(p.collection.name, p.slug));

  // Pass 2: the body of each file, and rules across files.
  const codes = new Map<string, string>(input.reservedCodes ?? []);
  const urls = new Map<string, string>();
  for (const p of parsed) {
    const path = p.file.path;
    // Two files whose names differ only in case would share a URL on many hosts.
    const url = entryPath(p.collection.name, p.slug.toLowerCase());
    const twin = urls.get(url);
    if (twin) add(path, `和 ${twin} 的网址相同（${url}）；文件名不能重复（不区分大小写），请换一个文件名`, '文件名');
    else urls.set(url, path);
    if (p.data) {
      const code = p.data.code as string;
      const owner = codes.get(code);
      if (owner) add(path, `短码“${code}”已经被 ${owner} 使用；每个页面的短码必须不同（运行 npm run new 会自动生成新的短码）`, '字段 code');
      else codes.set(code, path);
      const draft = p.data.draft === true;
      entries.push({ collection: p.collection.name, slug: p.slug, path, draft, data: p.data });
      if (Array.isArray(p.data.articles)) {
        for (const n of p.data.articles as number[]) {
          if (!input.laws.aocl.articles.some((a) => a.number === n)) add(path, `反有组织犯罪法没有第 ${n} 条（共 77 条）`, '字段 articles');
        }
      }
      for (const r of (p.data.related as string[] | undefined) ?? []) {
        if (!parsed.some((q) => q.collection.name === p.collection.name && q.slug === r)) {
          add(path, `related 中的“${r}”不存在；应写同一栏目中另一个文件的文件名（不带 .mdx）`, '字段 related');
        }
      }
    }

    const { body, bodyLine } = splitFrontmatter(p.file.text);
    body.split('\n').forEach((l, i) => {
      if (l.includes(TODO)) add(path, `正文里还有没填写的内容（${TODO}）；请换成实际内容`, `第 ${bodyLine + i} 行`);
    });
    if (body.includes(TODO)) continue;
    const mdx = analyseMdx(p.file.text);
    if (mdx.syntaxError) {
      add(path, `MDX 格式错误：${mdx.syntaxError.message}。常见原因：尖括号 < > 或花括号 { } 没有配对；正文里要写小于号请用“＜”`, mdx.syntaxError.line ? `第 ${mdx.syntaxError.line} 行` : undefined);
      continue;
    }
    for (const j of mdx.jsx) {
      const where = `第 ${j.line} 行`;
      if (!(EDITOR_COMPONENTS as readonly string[]).includes(j.name)) {
        const known = EDITOR_COMPONENTS.map((c) => COMPONENT_HELP[c] ?? c).join('、');
        add(path, /^[a-z]/.test(j.name)
          ? `不要在正文里写 HTML 标签 <${j.name}>；图片请用 ![图片说明](图片地址)，链接请用 [文字](/网址/)`
          : `不认识的组件 <${j.name}>；可以使用的组件只有：${known}`, where);
        continue;
      }
      if (j.name === 'Cite') {
        const { law, article, paragraph, item, ...rest } = j.attrs;
        for (const extra of Object.keys(rest)) add(path, `<Cite> 不认识属性 ${extra}；只能写 law、article、paragraph、item`, where);
        const r = resolveCitation(input.laws, {
          law: typeof law === 'string' ? law : undefined,
          article,
          paragraph,
          item,
        });
        if (!r.ok) add(path, `引用有误：${r.message}`, where);
      }
      if (j.name === 'Scenario' && !j.text) add(path, '<Scenario> 里面是空的；请在 <Scenario> 和 </Scenario> 之间写情景示例的内容', where);
    }
    for (const link of mdx.links) {
      const where = `第 ${link.line} 行`;
      if (/^(https?:)?\/\//.test(link.url) || /^(mailto|tel):/.test(link.url)) continue;
      if (!link.url.startsWith('/')) {
        add(path, `站内链接请从网站根目录写起，以“/”开头并以“/”结尾，如 [举报渠道](/report/)；这里写的是“${link.url}”`, where);
        continue;
      }
      const [pagePath, anchor] = link.url.split('#') as [string, string | undefined];
      const target = withTrailingSlash(pagePath);
      if (!known.has(target)) {
        add(path, `链接指向的页面不存在：${link.url}。请检查网址（法律条文写成 /law/61/，问答写成 /qa/文件名/）`, where);
      } else if (anchor && target === PAGES.law && !lawAnchorExists(anchor, input.laws.aocl.articles.length, input.laws.aocl.chapters.length)) {
        add(path, `/law/ 页面上没有 #${anchor} 这个位置；条文写成 #art-61，章写成 #chapter-7`, where);
      }
    }
    for (const img of mdx.images) {
      const where = `第 ${img.line} 行`;
      if (!img.alt.trim()) add(path, `图片缺少说明文字：请写成 ![图片内容的简短说明](${img.url})，方便视力不好的读者`, where);
      if (/^(https?:)?\/\//.test(img.url)) {
        add(path, '图片不能从其他网站加载；请把图片文件放进 public/images/，再写成 /images/文件名', where);
      } else if (img.url.startsWith('/') && !input.exists(`public${img.url}`)) {
        add(path, `找不到图片文件 public${img.url}；请把图片放进 public/images/ 文件夹，并检查文件名（区分大小写）`, where);
      } else if (!img.url.startsWith('/')) {
        add(path, `图片地址请写成 /images/文件名（文件放在 public/images/ 里）；这里写的是“${img.url}”`, where);
      }
    }
  }
  return { problems, entries };
}
