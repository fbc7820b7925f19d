/** Typed model of a statute, as parsed from the Markdown files in content/law/. */

export interface LawItem {
  /** 1-based item number: （一） is 1. */
  number: number;
  /** The label as printed, e.g. （一）. */
  label: string;
  /** Text after the label, verbatim. */
  text: string;
}

/** A 款 (paragraph) of an article. Items （一）（二）… belong to the paragraph before them. */
export interface LawParagraph {
  /** 1-based paragraph (款) number within the article. */
  number: number;
  text: string;
  items: LawItem[];
}

export interface LawArticle {
  /** Arabic article number, e.g. 61. */
  number: number;
  /** 第六十一条 */
  label: string;
  /** Index into Law.chapters, or -1 when the text has no chapters (excerpts). */
  chapterIndex: number;
  paragraphs: LawParagraph[];
}

export interface LawChapter {
  /** 1-based chapter number. */
  number: number;
  /** 第一章 */
  label: string;
  /** Normalised title, e.g. 总则 (the source writes "总  则"). */
  title: string;
  /** Article numbers in this chapter, in order. */
  articles: number[];
}

export interface Law {
  /** The document title from the first "# " heading. */
  title: string;
  /** Lines between the title and the first chapter or article (adoption and commencement notes). */
  preamble: string[];
  chapters: LawChapter[];
  articles: LawArticle[];
}
