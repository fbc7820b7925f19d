import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { loadSiteConfig, SiteConfigError } from '../config/load.ts';
import { issuesToProblems, zhErrorMap, type ContentProblem } from '../errors/error-map.ts';
import { resolveCitation } from '../law/cite.ts';
import { parseLaw } from '../law/parse.ts';
import { LAWS, LAW_IDS, type LawId } from '../law/registry.ts';
import type { Law } from '../law/types.ts';
import { channelSchema, monthsSince } from './channels.ts';
import { checkContent, type CheckResult, type SourceFile } from './check.ts';
import { MDX_COLLECTIONS } from './collections.ts';
import { STATIC_PATHS } from './routes.ts';
import { glossaryEntrySchema, quizQuestionSchema, searchPageSchema, type QuizQuestion } from './schemas.ts';
import { z } from 'astro/zod';

/**
 * Reads content/ from disk and runs every content rule: the MDX collections, the
 * YAML data files and the site config. Used by scripts/check-content.ts and by the
 * build (src/integrations/content-check.ts).
 */

export interface FullCheckResult extends CheckResult {
  warnings: ContentProblem[];
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

const rel = (root: string, p: string) => relative(root, p).split(sep).join('/');

function checkYamlList(root: string, file: string, schema: z.ZodType, problems: ContentProblem[]): unknown[] {
  const path = join(root, file);
  if (!existsSync(path)) {
    problems.push({ file, message: '文件缺失；请从仓库中恢复它' });
    return [];
  }
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file, where: e.linePos ? `第 ${e.linePos[0].line} 行` : undefined, message: `YAML 格式错误（${e.code}）` });
    return [];
  }
  const result = z.array(schema).safeParse(doc.toJS() ?? [], { error: zhErrorMap });
  if (!result.success) {
    problems.push(...issuesToProblems(file, result.error.issues));
    return [];
  }
  return result.data;
}

export const QUIZ_FILE = 'content/quiz.yaml';
/** A quiz draws this many questions; the file must hold at least as many. */
export const QUIZ_LENGTH = 10;

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

export function checkContentFiles(root: string, opts: { now?: Date; production?: boolean } = {}): FullCheckResult {
  const now = opts.now ?? new Date();
  const laws = loadLaws(root);
  const files: SourceFile[] = MDX_COLLECTIONS.flatMap((c) =>
    listFiles(join(root, 'content', c.dir)).map((p) => ({ path: rel(root, p), text: readFileSync(p, 'utf8') })),
  );
  const result = checkContent({ files, laws, exists: (p) => existsSync(join(root, p)) });
  const problems = [...result.problems];
  const warnings: ContentProblem[] = [];

  // Site config.
  let localChannels: z.output<typeof channelSchema>[] = [];
  try {
    const configFile = process.env.SITE_CONFIG ?? join(root, 'content/site.yaml');
    const { config } = loadSiteConfig({ file: configFile, production: opts.production });
    localChannels = config.channels;
  } catch (e) {
    if (e instanceof SiteConfigError) problems.push(...e.problems);
    else throw e;
  }

  // Data files.
  const glossary = checkYamlList(root, 'content/glossary.yaml', glossaryEntrySchema, problems) as Array<z.output<typeof glossaryEntrySchema>>;
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
      if (!laws.aocl.articles.some((a) => a.number === n)) {
        problems.push({ file: 'content/glossary.yaml', where: `词条“${g.term}” · 字段 articles`, message: `反有组织犯罪法没有第 ${n} 条` });
      }
    }
  });
  const searchPages = checkYamlList(root, 'content/search-pages.yaml', searchPageSchema, problems) as Array<{ path: string }>;
  const builtPaths = new Set([...STATIC_PATHS, ...result.entries.map((e) => MDX_COLLECTIONS.find((c) => c.name === e.collection)!.path(e.slug))]);
  searchPages.forEach((sp) => {
    if (!builtPaths.has(sp.path)) problems.push({ file: 'content/search-pages.yaml', where: `path ${sp.path}`, message: '这个网址没有对应的页面' });
  });
  checkQuiz(checkYamlList(root, QUIZ_FILE, quizQuestionSchema, problems) as QuizQuestion[], laws, problems);
  const national = checkYamlList(root, 'content/channels.yaml', channelSchema.and(z.object({ id: z.string() })), problems) as Array<
    z.output<typeof channelSchema>
  >;

  // Channels not verified for 12 months: a warning, not an error.
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
