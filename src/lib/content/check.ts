import type { ContentProblem } from '../errors/error-map.ts';
import { entryPath, lawArticlePath, STATIC_PATHS } from '../routes.ts';
import { parseFiles } from './parse-files.ts';
import { componentRules } from './rules/components.ts';
import { crossFileRules } from './rules/cross-file.ts';
import { linkRules } from './rules/links.ts';
import { placeholderRules } from './rules/placeholders.ts';
import { textRules } from './rules/text.ts';
import { urlRules } from './rules/urls.ts';
import type { CheckedEntry, CheckInput, CheckResult, Rule, RuleContext } from './types.ts';

export type { CheckedEntry, CheckInput, CheckResult, SourceFile } from './types.ts';

/**
 * The content rules, shared by `npm run check:content` and the build. Pure: it gets
 * file names and texts, and answers with every problem found (not just the first),
 * each naming the file, the line or field, and what to write instead.
 *
 * The files are parsed once (parse-files.ts); each group of rules is a pure function
 * of the parsed files in rules/, in the order their problems are listed.
 */

export const RULES: readonly Rule[] = [urlRules, crossFileRules, placeholderRules, componentRules, linkRules, textRules];

export function checkContent(input: CheckInput): CheckResult {
  const { parsed, problems: parseProblems } = parseFiles(input.files);

  const known = new Set<string>([...STATIC_PATHS, ...(input.extraPaths ?? [])]);
  for (const a of input.laws.aocl.articles) known.add(lawArticlePath(a.number));
  for (const p of parsed) known.add(entryPath(p.collection.name, p.slug));

  const ctx: RuleContext = { parsed, input, known };
  const problems: ContentProblem[] = [...parseProblems, ...RULES.flatMap((rule) => rule(ctx))];
  const entries: CheckedEntry[] = parsed.flatMap((p) =>
    p.data ? [{ collection: p.collection.name, slug: p.slug, path: p.file.path, draft: p.data.draft === true, data: p.data }] : [],
  );
  return { problems, entries };
}
