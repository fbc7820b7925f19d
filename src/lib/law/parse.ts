import { articleLabel, fromChineseNumeral, itemLabel } from './numerals.ts';
import type { Law, LawArticle, LawChapter, LawParagraph } from './types.ts';

/**
 * Parses a statute in the Markdown layout of content/law/*.md:
 *   # Title
 *   preamble lines
 *   ## 第一章 总  则
 *   第一条 text…
 *   further paragraphs, and items （一）… on their own lines
 * Pure: takes the text, returns data, throws LawParseError with a line number.
 */

export class LawParseError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`第 ${line} 行：${message}`);
    this.name = 'LawParseError';
    this.line = line;
  }
}

const CHAPTER_RE = /^##\s+第([零一二三四五六七八九十百]+)章\s+(.+)$/u;
const ARTICLE_RE = /^第([零一二三四五六七八九十百千]+)条(?:\s+|　)(.*)$/u;
const ITEM_RE = /^（([零一二三四五六七八九十]+)）(.*)$/u;

/** "总  则" → "总则": the source pads two-character titles with spaces. */
export function normaliseTitle(title: string): string {
  return title.replace(/[\s　]+/gu, '');
}

export function parseLaw(source: string): Law {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const preamble: string[] = [];
  const chapters: LawChapter[] = [];
  const articles: LawArticle[] = [];
  let current: LawArticle | null = null;

  const lastParagraph = (lineNo: number): LawParagraph => {
    const p = current?.paragraphs.at(-1);
    if (!p) throw new LawParseError('条款项出现在任何条文之前', lineNo);
    return p;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('<!--')) return;

    if (line.startsWith('# ')) {
      if (title) throw new LawParseError('出现了第二个一级标题', lineNo);
      title = line.slice(2).trim();
      return;
    }

    const chapter = CHAPTER_RE.exec(line);
    if (chapter) {
      const number = fromChineseNumeral(chapter[1]!);
      if (number !== chapters.length + 1) {
        throw new LawParseError(
          `章的编号不连续：应为第 ${chapters.length + 1} 章，实为第 ${number} 章`,
          lineNo,
        );
      }
      chapters.push({
        number,
        label: `第${chapter[1]}章`,
        title: normaliseTitle(chapter[2]!),
        articles: [],
      });
      current = null;
      return;
    }
    if (line.startsWith('#')) throw new LawParseError(`无法识别的标题：${line}`, lineNo);

    const article = ARTICLE_RE.exec(line);
    if (article) {
      const number = fromChineseNumeral(article[1]!);
      const prev = articles.at(-1);
      if (prev && number <= prev.number) {
        throw new LawParseError(
          `条文编号没有递增：第 ${prev.number} 条之后是第 ${number} 条`,
          lineNo,
        );
      }
      current = {
        number,
        label: articleLabel(number),
        chapterIndex: chapters.length - 1,
        paragraphs: [{ number: 1, text: article[2]!.trim(), items: [] }],
      };
      articles.push(current);
      chapters.at(-1)?.articles.push(number);
      return;
    }

    if (!current) {
      if (chapters.length > 0)
        throw new LawParseError(`章标题之后、第一条之前出现了文字：${line}`, lineNo);
      preamble.push(line);
      return;
    }

    const item = ITEM_RE.exec(line);
    if (item) {
      const paragraph = lastParagraph(lineNo);
      const number = fromChineseNumeral(item[1]!);
      if (number !== paragraph.items.length + 1) {
        throw new LawParseError(
          `项的编号不连续：应为${itemLabel(paragraph.items.length + 1)}`,
          lineNo,
        );
      }
      paragraph.items.push({ number, label: itemLabel(number), text: item[2]!.trim() });
      return;
    }

    const art: LawArticle = current;
    art.paragraphs.push({ number: art.paragraphs.length + 1, text: line, items: [] });
  });

  if (!title) throw new LawParseError('缺少一级标题（# 法律名称）', 1);
  if (articles.length === 0) throw new LawParseError('没有找到任何条文', 1);
  return { title, preamble, chapters, articles };
}

/** The article text as plain lines: paragraphs with their items, in order. */
export function articleLines(article: LawArticle): string[] {
  return article.paragraphs.flatMap((p) => [p.text, ...p.items.map((it) => it.label + it.text)]);
}

/**
 * A canonical plain-text form of the whole law, used for the committed checksum:
 * chapter headings with normalised titles, then each article as "第N条 " + its lines.
 */
export function serialiseLaw(law: Law): string {
  const out: string[] = [law.title];
  const byChapter = new Map<number, LawArticle[]>();
  for (const a of law.articles) {
    const list = byChapter.get(a.chapterIndex) ?? [];
    list.push(a);
    byChapter.set(a.chapterIndex, list);
  }
  const writeArticles = (list: LawArticle[]) => {
    for (const a of list) {
      const [first, ...rest] = articleLines(a);
      out.push(`${a.label} ${first}`, ...rest);
    }
  };
  writeArticles(byChapter.get(-1) ?? []);
  law.chapters.forEach((c, i) => {
    out.push(`${c.label} ${c.title}`);
    writeArticles(byChapter.get(i) ?? []);
  });
  return out.join('\n') + '\n';
}

export function findArticle(law: Law, number: number): LawArticle | undefined {
  return law.articles.find((a) => a.number === number);
}
