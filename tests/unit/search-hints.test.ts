import { describe, expect, it } from 'vitest';
import { termHint } from '../../src/lib/search/term-hint.ts';
import {
  articleNumberOf,
  bigramOverlap,
  isWeakExcerpt,
  matchHints,
  nearestTerms,
  normaliseQuery,
  type SearchHints,
} from '../../src/lib/search/hints.ts';

const hints: SearchHints = {
  pages: [
    {
      u: '/qa/what-is-protective-umbrella/',
      t: '什么是保护伞？',
      k: '问答',
      d: '保护伞是……',
      w: ['后台', '靠山'],
    },
    {
      u: '/qa/how-to-report/',
      t: '怎么举报黑恶犯罪？',
      k: '问答',
      d: '紧急情况找110。',
      w: ['举报方式'],
    },
    {
      u: '/qa/are-there-rewards/',
      t: '举报有奖励吗？',
      k: '问答',
      d: '按照国家有关规定给予奖励。',
      w: ['奖金'],
    },
    { u: '/law/2/', t: '第二条', k: '法条', d: '本法所称有组织犯罪……', w: [] },
  ],
  terms: [{ t: '恶势力组织', a: ['恶势力', '黑恶势力'], p: ['/qa/what-is-e-shi-li/', '/law/2/'] }],
};
const top = (q: string) => matchHints(q, hints).map((m) => m.u);

describe('search hints', () => {
  it('normalises punctuation and spaces', () => {
    expect(normaliseQuery(' 保护伞？ ')).toBe('保护伞');
  });
  it('reads article numbers in several forms', () => {
    expect(articleNumberOf('第六十一条')).toBe(61);
    expect(articleNumberOf('第61条')).toBe(61);
    expect(articleNumberOf('61条')).toBe(61);
    expect(articleNumberOf('反有组织犯罪法第69条')).toBe(69);
    expect(articleNumberOf('条文61')).toBe(61);
    expect(articleNumberOf('法条第二十三')).toBe(23);
    expect(articleNumberOf('条文610')).toBeUndefined();
    expect(articleNumberOf('第78条')).toBeUndefined();
    expect(articleNumberOf('保护伞')).toBeUndefined();
  });
  it('puts the page whose keyword is the query first', () => {
    expect(top('靠山')[0]).toBe('/qa/what-is-protective-umbrella/');
  });
  it('maps a glossary alias to the explaining page, then its article', () => {
    expect(top('恶势力').slice(0, 2)).toEqual(['/qa/what-is-e-shi-li/', '/law/2/']);
  });
  it('prefers the page that covers more of a long question', () => {
    expect(top('举报了有奖金吗')[0]).toBe('/qa/are-there-rewards/');
  });
  it('sends an article number straight to the article', () => {
    expect(top('第2条')[0]).toBe('/law/2/');
  });
  it('finds nothing for unrelated words', () => {
    expect(top('天气预报')).toEqual([]);
  });
  it('measures bigram overlap', () => {
    expect(bigramOverlap('举报人', '举报人保护')).toBe(1);
    expect(bigramOverlap('天气', '举报')).toBe(0);
  });
  it('treats single-character highlights as weak', () => {
    expect(isWeakExcerpt('有关部门应当<mark>预防</mark>和治理', '天气预报')).toBe(true);
    expect(isWeakExcerpt('公安机关接受<mark>举报</mark>', '怎么举报')).toBe(false);
    expect(isWeakExcerpt('没有高亮', '举报')).toBe(true);
    expect(isWeakExcerpt('可以<mark>举</mark><mark>报</mark>', '举报')).toBe(false);
    expect(isWeakExcerpt('<mark>二</mark>', '二')).toBe(false);
  });
  it('suggests the nearest glossary terms', () => {
    expect(nearestTerms('恶势', hints).map((t) => t.t)).toEqual(['恶势力组织']);
    expect(nearestTerms('火车票', hints)).toEqual([]);
  });
});

describe('termHint', () => {
  const entry = {
    term: '恶势力组织',
    aliases: [],
    searchAliases: ['恶势力'],
    articles: [23, 2],
    qa: 'what-is-e-shi-li-organization',
  };
  it('puts the articles quoted as the definition first among the defining pages', () => {
    const h = termHint({ ...entry, quotes: [{ article: 2, paragraph: 2 } as { article: number }] });
    expect(h.p).toEqual(['/qa/what-is-e-shi-li-organization/', '/law/2/', '/law/23/']);
    expect(h.d).toBe(2);
    expect(h.a).toEqual(['恶势力']);
  });
  it('counts only this law: a quote of another law defines no page of this site', () => {
    const h = termHint({ ...entry, quotes: [{ law: '刑法', article: 294 }] });
    expect(h.p).toEqual(['/qa/what-is-e-shi-li-organization/', '/law/23/', '/law/2/']);
    expect(h.d).toBe(1);
    expect(termHint({ ...entry, qa: undefined, quotes: [2] }).d).toBe(1);
  });
});
