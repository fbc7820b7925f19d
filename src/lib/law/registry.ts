import { lawArticlePath, PAGES } from '../routes.ts';

/**
 * The statutes the site quotes, keyed by a stable id. Each maps to a file in
 * content/law/ (its collection entry id). Editors may name a law by id or by its short name.
 */

export interface LawMeta {
  id: LawId;
  /** Collection entry id: the file name in content/law/ without .md. */
  entry: string;
  /** Full title for citations. */
  fullName: string;
  /** What editors write in <Cite law="…">. */
  names: string[];
  /** Where an article of this law is shown on the site. */
  articlePath: (n: number) => string;
}

export type LawId = 'aocl' | 'criminal-law' | 'criminal-procedure-law';

export const excerptAnchor = (id: LawId, n: number): string => `${id}-${n}`;

export const LAWS: Record<LawId, LawMeta> = {
  aocl: {
    id: 'aocl',
    entry: 'anti-organized-crime-law',
    fullName: '中华人民共和国反有组织犯罪法',
    names: ['aocl', '本法', '反有组织犯罪法', '中华人民共和国反有组织犯罪法'],
    articlePath: lawArticlePath,
  },
  'criminal-law': {
    id: 'criminal-law',
    entry: 'criminal-law-article-294',
    fullName: '中华人民共和国刑法',
    names: ['criminal-law', '刑法', '中华人民共和国刑法'],
    articlePath: (n) => `${PAGES.lawExcerpts}#${excerptAnchor('criminal-law', n)}`,
  },
  'criminal-procedure-law': {
    id: 'criminal-procedure-law',
    entry: 'criminal-procedure-law-excerpts',
    fullName: '中华人民共和国刑事诉讼法',
    names: ['criminal-procedure-law', '刑事诉讼法', '中华人民共和国刑事诉讼法'],
    articlePath: (n) => `${PAGES.lawExcerpts}#${excerptAnchor('criminal-procedure-law', n)}`,
  },
};

export const LAW_IDS = Object.keys(LAWS) as LawId[];

export function lawIdFromName(name: string | undefined): LawId | undefined {
  if (name === undefined) return 'aocl';
  return LAW_IDS.find((id) => LAWS[id].names.includes(name.trim()));
}
