import { getCollection } from 'astro:content';
import type { SearchHints } from '../lib/search/hints.ts';
import { termHint } from '../lib/search/term-hint.ts';
import { casePath, lawArticlePath, newsPath, qaPath } from '../lib/routes.ts';
import { articleLines } from '../lib/law/parse.ts';
import { excerpt } from '../lib/text.ts';
import { getGlossary } from './glossary.ts';
import { getLaw } from './law.ts';
import { getQa } from './qa.ts';
import { getMaterials } from './materials.ts';
import { getCases, getNews } from './stories.ts';

/** Builds /search-hints.json from the content (see src/lib/search/hints.ts). */
export async function buildSearchHints(): Promise<SearchHints> {
  const [qa, cases, news, materials, glossary, extra, law] = await Promise.all([
    getQa(),
    getCases(),
    getNews(),
    getMaterials(),
    getGlossary(),
    getCollection('searchPages'),
    getLaw('aocl'),
  ]);
  return {
    pages: [
      ...qa.map((e) => ({
        u: qaPath(e.id),
        t: e.data.title,
        k: '问答',
        d: e.data.answer,
        w: e.data.keywords,
      })),
      ...cases.map((e) => ({
        u: casePath(e.id),
        t: e.data.title,
        k: '案例',
        d: e.data.summary,
        w: e.data.keywords,
      })),
      ...news.map((e) => ({
        u: newsPath(e.id),
        t: e.data.title,
        k: '动态',
        d: e.data.summary,
        w: e.data.keywords,
      })),
      ...materials.map((m) => ({
        u: m.path,
        t: m.data.title,
        k: '宣传资料',
        d: m.data.summary,
        w: [],
      })),
      ...law.articles.map((a) => ({
        u: lawArticlePath(a.number),
        t: a.label,
        k: '法条',
        d: excerpt(articleLines(a).join(''), 36),
        w: [],
      })),
      ...extra.map((e) => ({
        u: e.data.path,
        t: e.data.title,
        k: e.data.type,
        d: e.data.description,
        w: e.data.keywords,
      })),
    ],
    terms: glossary.map((g) => termHint(g.data)),
  };
}
