import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { contentPath } from '../content/dir.ts';
import {
  formatProblem,
  issuesToProblems,
  zhErrorMap,
  type ContentProblem,
} from '../errors/error-map.ts';
import { yamlErrorLine } from '../errors/yaml-errors.ts';
import { productionProblems, siteConfigSchema, type SiteConfig } from './schema.ts';

export class SiteConfigError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      ['网站配置有误，请修改后重试：', ...problems.map((p) => '  - ' + formatProblem(p))].join(
        '\n',
      ),
    );
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

/** Parses and validates config text. Pure apart from its inputs. */
export function parseSiteConfig(
  text: string,
  file: string,
  opts: { production?: boolean } = {},
): SiteConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SiteConfigError(
      doc.errors.map((e) => ({
        file,
        where: `第 ${yamlErrorLine(text, e)} 行`,
        message: `YAML 格式错误（${e.code}）。常见原因：冒号后少了空格、缩进不齐、引号或方括号没有配对。`,
      })),
    );
  }
  const result = siteConfigSchema.safeParse(doc.toJS() ?? {}, { error: zhErrorMap });
  if (!result.success) throw new SiteConfigError(issuesToProblems(file, result.error.issues));
  if (opts.production) {
    const problems = productionProblems(result.data);
    if (problems.length) {
      throw new SiteConfigError(
        problems.map((p) => ({ file, where: `字段 ${p.field}`, message: p.message })),
      );
    }
  }
  return result.data;
}

/** A path as messages show it: from the project root when the file is inside it, like every other message. */
export function displayPath(file: string, root: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const r = relative(root, file);
  return r.startsWith('..') || isAbsolute(r) ? file : r.split(sep).join('/');
}

/**
 * Reads the config file: `file` when given, else the one SITE_CONFIG names, else
 * site.yaml in the content folder (<root>/content/ when `root` is given, else content/
 * or the folder CONTENT_DIR names).
 */
export function loadSiteConfig(opts: { file?: string; root?: string; production?: boolean } = {}): {
  config: SiteConfig;
  file: string;
} {
  const file =
    opts.file ??
    process.env.SITE_CONFIG ??
    (opts.root !== undefined ? join(opts.root, 'content/site.yaml') : contentPath('site.yaml'));
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SiteConfigError([
      { file: shown, message: '找不到网站配置文件。请从仓库中恢复 content/site.yaml。' },
    ]);
  }
  return { config: parseSiteConfig(text, shown, opts), file };
}
