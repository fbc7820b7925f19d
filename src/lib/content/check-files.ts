import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { loadSiteConfig, SiteConfigError } from '../config/load.ts';
import { zhErrorMap, type ContentProblem } from '../errors/error-map.ts';
import { yamlErrorLine } from '../errors/yaml-errors.ts';
import { resolveCitation } from '../law/cite.ts';
import { findArticle, parseLaw } from '../law/parse.ts';
import { LAWS, LAW_IDS, type LawId } from '../law/registry.ts';
import type { Law } from '../law/types.ts';
import { channelSchema, monthsSince } from './channels.ts';
import { checkContent, type CheckResult, type SourceFile } from './check.ts';
import { MDX_COLLECTIONS } from './collections.ts';
import { QUIZ_LENGTH } from '../quiz/quiz.ts';
import { entryPath, STATIC_PATHS } from '../routes.ts';
import { walkFiles } from '../walk.ts';
import { dataFileTextRules, listIssuesToProblems, type YamlList } from './rules/data-files.ts';
import { permalinkRules } from './rules/permalinks.ts';
import { ManifestError, MANIFEST_FILE, parseManifest } from '../permalinks/manifest.ts';
import { parseRedirects, REDIRECTS_FILE, RedirectsError, type Redirect } from '../permalinks/redirects.ts';
import { glossaryEntrySchema, quizQuestionSchema, searchPageSchema, type QuizQuestion } from './schemas.ts';
import { z } from 'astro/zod';

/**
 * Reads content/ from disk and runs every content rule: the MDX collections, the
 * YAML data files, the site config, and the permanent URLs (manifest, redirects,
 * short codes). Used by scripts/check-content.ts and by the build
 * (src/integrations/content-check.ts).
 */

export interface FullCheckResult extends CheckResult {
  warnings: ContentProblem[];
}

const rel = (root: string, p: string) => relative(root, p).split(sep).join('/');

function checkYamlList(root: string, file: string, schema: z.ZodType, problems: ContentProblem[], lists?: YamlList[]): unknown[] {
  const path = join(root, file);
  if (!existsSync(path)) {
    problems.push({ file, message: '文件缺失；请从仓库中恢复它' });
    return [];
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length) {
    const lines = new Map(doc.errors.map((e) => [yamlErrorLine(text, e), e]));
    for (const [line, e] of lines) problems.push({ file, where: `第 ${line} 行`, message: `YAML 格式错误（${e.code}）。常见原因：冒号后少了空格、缩进不齐、引号或方括号没有配对` });
    return [];
  }
  const raw = doc.toJS() ?? [];
  const result = z.array(schema).safeParse(raw, { error: zhErrorMap });
  if (!result.success) {
    problems.push(...listIssuesToProblems(file, raw, doc, counter, result.error.issues));
    return [];
  }
  lists?.push({ file, items: result.data as Array<Record<string, unknown>>, doc, counter });
  return result.data;
}

export const QUIZ_FILE = 'content/quiz.yaml';

/** Quiz rules beyond the schema: unique ids, enough questions, and an article, when given, that exists (checked like a <Cite>). */
export function checkQuiz(questions: QuizQuestion[], laws: Record<LawId, Law>, problems: ContentProblem[]): void {
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const where = `第 ${i + 1} 题（${q.id}）`;
    if (ids.has(q.id)) problems.push({ file: QUIZ_FILE, where: `${where} · 字段 id`, message: `题目编号“${q.id}”重复了；每道题的编号必须不同` });
    ids.add(q.id);
    if (q.article === undefined) return; // no article tested: the page shows no law link
    const r = resolveCitation(laws, { law: q.law, article: q.article });
    if (!r.ok) problems.push({ file: QUIZ_FILE, where: `${where} · 字段 ${q.law !== undefined && r.message.includes('法律名称') ? 'law' : 'article'}`, message: `引用有误：${r.message}` });
  });
  if (questions.length > 0 && questions.length < QUIZ_LENGTH) {
    problems.push({ file: QUIZ_FILE, message: `只有 ${questions.length} 道题；每次自测要抽 ${QUIZ_LENGTH} 道，至少要写 ${QUIZ_LENGTH} 道题` });
  }
}

export function loadLaws(root: string): Record<LawId, Law> {
  return Object.fromEntries(
    LAW_IDS.map((id) => [id, parseLaw(readFileSync(join(root, 'content/law', `${LAWS[id].entry}.md`), 'utf8'))]),
  ) as Record<LawId, Law>;
}

type ChannelData = z.output<typeof channelSchema> & { id?: string };

export function checkContentFiles(root: string, opts: { now?: Date; production?: boolean } = {}): FullCheckResult {
  const now = opts.now ?? new Date();
  const laws = loadLaws(root);
  const problems: ContentProblem[] = [];
  const lists: YamlList[] = [];

  // Site config; its messages name the file from the project root, like every other message.
  let localChannels: ChannelData[] = [];
  try {
    const { config } = loadSiteConfig({ root, production: opts.production });
    localChannels = config.channels;
  } catch (e) {
    if (!(e instanceof SiteConfigError)) throw e;
    problems.push(...e.problems.map((p) => ({ ...p, file: isAbsolute(p.file) && !rel(root, p.file).startsWith('..') ? rel(root, p.file) : p.file })));
  }
  const national = checkYamlList(root, 'content/channels.yaml', channelSchema.and(z.object({ id: z.string() })), problems, lists) as ChannelData[];
  // The national numbers text may name; read loosely when channels.yaml itself has an error, so one mistake there is not reported in every file.
  let nationalPhones = national.flatMap((c) => (c.phone ? [c.phone] : []));
  if (!lists.some((l) => l.file === 'content/channels.yaml')) {
    try {
      const raw = parseDocument(readFileSync(join(root, 'content/channels.yaml'), 'utf8')).toJS() as Array<{ phone?: unknown }> | null;
      nationalPhones = (raw ?? []).flatMap((c) => (c && c.phone !== undefined ? [String(c.phone)] : []));
    } catch {
      /* reported above */
    }
  }
  const allowedPhones = [...nationalPhones, ...localChannels.flatMap((c) => (c.phone ? [c.phone] : []))];

  const files: SourceFile[] = MDX_COLLECTIONS.flatMap((c) =>
    walkFiles(join(root, 'content', c.dir)).map((p) => ({ path: rel(root, p), text: readFileSync(p, 'utf8') })),
  );
  // The URL manifest and the redirects (a missing file: no paths, no redirects).
  const read = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '');
  let manifest: string[] = [];
  let redirects: Redirect[] = [];
  try {
    manifest = parseManifest(read(MANIFEST_FILE));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    problems.push(...e.problems);
  }
  try {
    redirects = parseRedirects(read(REDIRECTS_FILE) || '[]');
  } catch (e) {
    if (!(e instanceof RedirectsError)) throw e;
    problems.push(...e.problems);
  }

  const result = checkContent({ files, laws, exists: (p) => existsSync(join(root, p)), allowedPhones, published: new Set(manifest) });
  problems.unshift(...result.problems);

  // Data files.
  const glossary = checkYamlList(root, 'content/glossary.yaml', glossaryEntrySchema, problems, lists) as Array<z.output<typeof glossaryEntrySchema>>;
  const qaSlugs = new Set(result.entries.filter((e) => e.collection === 'qa').map((e) => e.slug));
  const terms = new Set<string>();
  glossary.forEach((g, i) => {
    if (terms.has(g.term)) problems.push({ file: 'content/glossary.yaml', where: `第 ${i + 1} 个词条`, message: `词条“${g.term}”重复了` });
    terms.add(g.term);
    if (g.qa && !qaSlugs.has(g.qa)) {
      problems.push({ file: 'content/glossary.yaml', where: `词条“${g.term}” · 字段 qa`, message: `问答“${g.qa}”不存在；应写 content/qa/ 里的文件名（不带 .mdx）` });
    }
    g.quotes.forEach((c, j) => {
      const r = resolveCitation(laws, typeof c === 'number' ? { article: c } : c);
      if (!r.ok) problems.push({ file: 'content/glossary.yaml', where: `词条“${g.term}” · 字段 quotes[${j}]`, message: `引用有误：${r.message}` });
    });
    for (const n of g.articles) {
      if (!findArticle(laws.aocl, n)) {
        problems.push({ file: 'content/glossary.yaml', where: `词条“${g.term}” · 字段 articles`, message: `反有组织犯罪法没有第 ${n} 条` });
      }
    }
  });
  const searchPages = checkYamlList(root, 'content/search-pages.yaml', searchPageSchema, problems) as Array<{ path: string }>;
  const builtPaths = new Set([...STATIC_PATHS, ...result.entries.map((e) => entryPath(e.collection, e.slug))]);
  searchPages.forEach((sp) => {
    if (!builtPaths.has(sp.path)) problems.push({ file: 'content/search-pages.yaml', where: `path ${sp.path}`, message: '这个网址没有对应的页面' });
  });
  checkQuiz(checkYamlList(root, QUIZ_FILE, quizQuestionSchema, problems, lists) as QuizQuestion[], laws, problems);
  problems.push(...dataFileTextRules(lists, allowedPhones));

  // Permanent URLs: what only the build used to see (manifest, redirects, reserved short codes).
  problems.push(...permalinkRules({ manifest, redirects, laws, entries: result.entries }));

  // Channels not verified for 12 months: a warning, not an error.
  const warnings: ContentProblem[] = [];
  for (const [file, list] of [
    ['content/channels.yaml', national],
    ['content/site.yaml', localChannels],
  ] as const) {
    for (const c of list) {
      const months = monthsSince(c.verified, now);
      if (months >= 12) {
        warnings.push({ file, where: c.name, message: `已经 ${months} 个月没有核实（核实日期 ${c.verified.toISOString().slice(0, 10)}）；请核实后更新 verified` });
      }
    }
  }
  return { problems, warnings, entries: result.entries };
}
