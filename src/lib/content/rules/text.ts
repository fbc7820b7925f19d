import type { ContentProblem } from '../../errors/error-map.ts';
import { applyExceptions } from '../exceptions.ts';
import { scopeOfMdx, type TextScope } from '../text-units.ts';
import type { RuleContext } from '../types.ts';
import { legalWordingHits } from './legal-wording.ts';
import { wordingHits } from './wording.ts';

/**
 * The wording rules on every scope of text (an MDX file, or one entry of a data file):
 * the guide's rules (wording.ts) and the legal-wording rules (legal-wording.ts), less
 * what the scope's exceptions cover.
 */
export function checkTextScope(scope: TextScope, allowedPhones: ReadonlySet<string>): ContentProblem[] {
  const hits = [...wordingHits(scope.units, allowedPhones), ...legalWordingHits(scope)];
  return applyExceptions({ file: scope.file, entry: scope.entry, line: scope.exceptionsLine, exceptions: scope.exceptions }, hits);
}

export function textRules({ parsed, input }: RuleContext): ContentProblem[] {
  const phones = new Set([...(input.allowedPhones ?? [])].map((p) => p.replace(/\D/g, '')));
  return parsed.flatMap((p) => {
    const scope = scopeOfMdx(p);
    return scope ? checkTextScope(scope, phones) : [];
  });
}
