/**
 * Short links: every law article, Q&A and material also answers at /q/<code>/, a static
 * page that sends the reader on to the item's canonical page. Posters print the short
 * link and encode it in their QR code, so a code must never change once printed.
 *
 * Codes come from data, never from a title:
 * - Q&A and materials: the `code` field in the file's frontmatter (3–8 lowercase letters or digits).
 * - Law articles: the documented rule "l" + the article number (第六十一条 → l61). Article
 *   numbers of an enacted law never change, so neither do these codes. Codes of the form
 *   l<digits> are reserved for this rule.
 */

export const lawShortCode = (article: number): string => `l${article}`;

/** Codes reserved for law articles (see lawShortCode). */
export const LAW_CODE_RE = /^l\d+$/;

export interface ShortLink {
  code: string;
  /** Site path of the canonical page, e.g. /law/61/. */
  target: string;
  /** What the reader is sent to, for the redirect page's link text. */
  title: string;
  /** Where the code is declared, e.g. content/qa/baohusan.mdx, for error messages. */
  source: string;
  /** True for codes made by the law-article rule. */
  rule?: boolean;
}

export class ShortLinkError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(['短网址有误，请修改后重试：', ...problems.map((p) => '  - ' + p)].join('\n'));
    this.name = 'ShortLinkError';
    this.problems = problems;
  }
}

/** Every problem with a set of short links: duplicate codes (naming both files) and reserved codes. */
export function shortLinkProblems(links: readonly ShortLink[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, ShortLink>();
  for (const link of links) {
    if (!link.rule && LAW_CODE_RE.test(link.code)) {
      problems.push(
        `${link.source} · 字段 code：短码“${link.code}”是“l 加数字”的形式，这种短码留给法律条文（如 l61 是第六十一条）；请换一个`,
      );
    }
    const first = seen.get(link.code);
    if (first) {
      problems.push(
        `短码“${link.code}”重复：${first.source} 和 ${link.source} 都用了它。已经印出去的短码不能再改：请给还没有印出去的那一个换一个没有用过的短码（3–8 位小写字母或数字）`,
      );
    } else {
      seen.set(link.code, link);
    }
  }
  return problems;
}

/** Throws ShortLinkError listing every problem at once. */
export function assertShortLinks(links: readonly ShortLink[]): void {
  const problems = shortLinkProblems(links);
  if (problems.length) throw new ShortLinkError(problems);
}
