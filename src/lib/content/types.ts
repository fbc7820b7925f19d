import type { Document, LineCounter } from 'yaml';
import type { ContentProblem } from '../errors/error-map.ts';
import type { LawId } from '../law/registry.ts';
import type { Law } from '../law/types.ts';
import type { MdxCollection } from './collections.ts';
import type { MdxAnalysis } from './mdx.ts';

/**
 * The shapes shared by the content check (check.ts) and its rule groups (rules/*.ts):
 * the files as read, the files as parsed once, and what every rule answers with.
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
  /** Phone numbers text may name: the national channels' and the deployer's (content/site.yaml). */
  allowedPhones?: Iterable<string>;
  /** Paths of content/urls.manifest.txt: pages already published, maybe printed. */
  published?: ReadonlySet<string>;
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

/** One MDX file after the first pass: where it belongs, its fields and its syntax tree. */
export interface ParsedFile {
  file: SourceFile;
  collection: MdxCollection;
  slug: string;
  /** Validated frontmatter, or undefined when the field block has errors. */
  data: Record<string, unknown> | undefined;
  /** The YAML document of the field block, with line positions (when it parsed). */
  yaml?: { doc: Document; counter: LineCounter };
  /** The body as MDX, or undefined when the body still has 【请填写】 marks. */
  mdx?: MdxAnalysis;
}

/** What every rule group gets: the parsed files and the facts around them. */
export interface RuleContext {
  parsed: ParsedFile[];
  input: CheckInput;
  /** Every page path that will exist (static pages, law articles, content files). */
  known: Set<string>;
}

export type Rule = (ctx: RuleContext) => ContentProblem[];

/** "第 12 行" */
export const lineWhere = (line: number | undefined): string | undefined => (line ? `第 ${line} 行` : undefined);
