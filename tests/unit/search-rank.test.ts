import { describe, expect, it } from 'vitest';
import type { SearchHints } from '../../src/lib/search/hints.ts';
import {
  firstResults,
  FIRST_RESULTS,
  rankIds,
  shardsNeeded,
  synonymShardsNeeded,
  type SearchLoaders,
} from '../../src/lib/search/rank.ts';
import {
  buildTextIndex,
  DEFINES_BONUS,
  KEY_IDF_FLOOR,
  MAX_POSTINGS_PER_TERM,
  recordBlockOf,
  clausesOf,
  searchTextIndex,
  synonymsInShards,
  termWeight,
  TEXT_INDEX_VERSION,
  WEAK_SCORE_SHARE,
  type PageRecord,
  type Synonym,
  type TextIndexDoc,
  type TextShard,
} from '../../src/lib/search/text-index.ts';

// One test per ranking rule (src/lib/search/rank.ts), on a small hand-made index.
// Filler pages make the common words common, as on the real site.

const FILLER = '举报有组织犯罪可以向公安机关反映情况，怎么办都有规定。';
interface Page extends Omit<TextIndexDoc, 'id'> {
  u: string;
  k: string;
}
const PAGES: Page[] = [
  {
    u: '/qa/report/',
    k: '问答',
    title: '怎么举报',
    keywords: ['举报方法'],
    text: '举报可以打电话，也可以当面反映。',
  },
  {
    u: '/qa/construction/',
    k: '问答',
    title: '工程项目被强揽怎么办',
    keywords: ['工地'],
    text: '强揽工程是违法行为，可以举报。',
  },
  {
    u: '/qa/usury/',
    k: '问答',
    title: '高利贷上门催收怎么办',
    keywords: ['高利贷'],
    text: '暴力催收违法，可以报警，也可以举报。',
  },
  {
    u: '/qa/village/',
    k: '问答',
    title: '村委会选举',
    keywords: ['选举'],
    text: '村委会选举中有人拉票贿选，村霸插手，可以举报。怎么办？向有关部门反映。',
  },
  {
    u: '/qa/umbrella/',
    k: '问答',
    title: '什么是保护伞',
    keywords: [],
    aliases: ['保护伞', '靠山'],
    text: '国家工作人员包庇黑恶势力和村霸。',
  },
  {
    u: '/qa/helping/',
    k: '问答',
    title: '协助办案受了伤怎么办',
    keywords: [],
    text: '协助办案受伤的，享受工伤待遇。抓村霸受伤也一样。',
  },
  {
    u: '/qa/video/',
    k: '问答',
    title: '网上的黑恶势力',
    keywords: [],
    text: '有人在网上发视频炫耀，视频里威胁别人。',
  },
  {
    u: '/qa/villain/',
    k: '问答',
    title: '村霸是什么人',
    keywords: ['村霸'],
    text: '村霸横行乡里。',
  },
  {
    u: '/qa/reward/',
    k: '问答',
    title: '举报奖励',
    keywords: ['奖励多少'],
    text: '按照国家有关规定给予表彰、奖励。',
  },
  {
    u: '/qa/report-umbrella/',
    k: '问答',
    title: '保护伞向哪里举报',
    keywords: ['保护伞'],
    text: '保护伞可以向纪检监察机关举报。',
  },
  ...Array.from({ length: 40 }, (_, i): Page => ({
    u: `/qa/filler-${i}/`,
    k: '问答',
    title: `问题${i}`,
    keywords: [],
    text: FILLER,
  })),
  { u: '/law/1/', k: '法条', title: '第一条', text: '为了预防和惩治有组织犯罪，制定本法。' },
  {
    u: '/law/2/',
    k: '法条',
    title: '第二条',
    text: '本法所称有组织犯罪，是指黑社会性质组织犯罪。',
  },
];
const docs: TextIndexDoc[] = PAGES.map((p, id) => ({ id, ...p }));
const built = buildTextIndex(docs);
const lawFrom = PAGES.findIndex((p) => p.k === '法条');
const RB = 8;
/** The index of PAGES, with the given synonyms filed in its shards. */
const indexes = new Map<string, TextShard[]>();
const indexWith = (syn: readonly Synonym[]): TextShard[] => {
  const key = JSON.stringify(syn);
  if (!indexes.has(key)) indexes.set(key, syn.length ? buildTextIndex(docs, syn) : built);
  return indexes.get(key)!;
};
type TestHints = SearchHints & { shards: TextShard[] };
const hints = (syn: readonly Synonym[] = []): TestHints => ({
  shards: indexWith(syn),
  terms: [],
  x: {
    v: TEXT_INDEX_VERSION,
    s: built.length,
    dir: 'search-index/test',
    n: PAGES.length,
    rb: RB,
    k: [
      ['问答', 0, lawFrom],
      ['法条', lawFrom, PAGES.length],
    ],
    a: [lawFrom, lawFrom + 1],
  },
});
/** The shards a query loads: its own terms', then its synonyms' (as firstResults does). */
const shardsFor = (q: string, h = hints()) => {
  const loaded = new Map(shardsNeeded(q, h).map((i) => [i, h.shards[i]!] as const));
  for (const i of synonymShardsNeeded(q, h, loaded)) loaded.set(i, h.shards[i]!);
  return loaded;
};
const rank = (q: string, h = hints(), type?: string) =>
  rankIds(q, h, shardsFor(q, h), type).map((id) => PAGES[id]!.u);

describe('ranking rules', () => {
  it('1. an article number puts that article first', () => {
    expect(rank('第2条')[0]).toBe('/law/2/');
    expect(rank('第二条')[0]).toBe('/law/2/');
    expect(rank('2条 有组织犯罪')[0]).toBe('/law/2/');
    expect(rank('2')[0]).toBe('/law/2/');
    expect(rank('70')).toEqual([]);
  });

  it('2. the page that holds the query’s rarest word ranks above pages sharing only its common words', () => {
    // 工地 is on one page; 举报 and 怎么办 are on most of them.
    expect(rank('工地的活被抢了怎么办举报')[0]).toBe('/qa/construction/');
  });

  it('3. being about a word (title, keywords, glossary) beats mentioning a rarer one in the text', () => {
    // 视频 occurs on one page's text, 村霸 is the title and keyword of another.
    expect(rank('村霸 视频')[0]).toBe('/qa/villain/');
  });

  it('3b. a page whose title or keywords hold a rare word of the query is a result with less coverage', () => {
    // 工地 covers 2 of the query's 5 meaning characters (的 and 被 are grammar): less than
    // MIN_COVERAGE, at least RARE_KEY_MIN_COVERAGE.
    expect(rank('工地的活被人抢')).toEqual(['/qa/construction/']);
  });

  it('3c. one rare word in a long question about something else is not enough; a synonym can make it', () => {
    // 工地 covers 2 of 7 meaning characters, and the page holds no other word of the query.
    expect(rank('工地的活被人硬抢走了')).toEqual([]);
    const syn = [{ words: ['硬抢'], means: ['强揽工程'] }];
    expect(rank('工地的活被人硬抢走了', hints(syn))).toEqual(['/qa/construction/']);
  });

  it('3d. a rare word that covers one clause of a long question well is enough', () => {
    // 工地 covers 2 of 9 meaning characters, but all of the clause 工地 the reader set apart.
    expect(rank('工地 的活被人硬抢走了还不给钱')).toEqual(['/qa/construction/']);
    expect(rank('工地的活被人硬抢走了还不给钱')).toEqual([]);
    expect(clausesOf('工地，活 被抢')).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('5b. a reader word from the synonyms matches with a separator inside (给点钱 for 给钱)', () => {
    const syn = [{ words: ['帮警察'], means: ['协助办案'] }];
    expect(rank('帮了警察', hints(syn))).toEqual(['/qa/helping/']);
    expect(rank('帮谁警察', hints(syn))).toEqual([]);
  });

  it('5c. synonyms travel in the shards of their reader words, not in the hints', () => {
    const syn = [{ words: ['帮警察'], means: ['协助办案'] }];
    const h = hints(syn);
    expect(Object.keys(h)).not.toContain('syn');
    const key = h.shards.findIndex((sh) => sh.y?.['帮警']);
    expect(h.shards[key]!.y!['帮警']).toEqual([['帮警察', ['协助办案']]]);
    // The query loads that shard with its own terms, then the shards of 协助办案.
    expect(shardsNeeded('帮警察', h)).toContain(key);
    const own = new Map(shardsNeeded('帮警察', h).map((i) => [i, h.shards[i]!] as const));
    expect(synonymShardsNeeded('帮警察', h, own).length).toBeGreaterThan(0);
    expect(synonymShardsNeeded('警察', h, own)).toEqual([]);
    // The same reader word in two entries stands for both entries' words.
    const two = hints([...syn, { words: ['帮警察'], means: ['工伤待遇'] }]);
    const loaded = new Map(shardsNeeded('帮警察', two).map((i) => [i, two.shards[i]!] as const));
    expect(synonymsInShards('帮警察', loaded, two.x!.s).map((x) => x.means[0])).toEqual([
      '协助办案',
      '工伤待遇',
    ]);
  });

  it('4. glossary aliases find the page that explains the term', () => {
    expect(rank('靠山')).toEqual(['/qa/umbrella/']);
  });

  it('5. a reader word from the synonyms also finds pages with the site’s word', () => {
    const syn = [{ words: ['帮警察'], means: ['协助办案'] }];
    expect(rank('帮警察受伤')).not.toContain('/qa/helping/');
    expect(rank('帮警察', hints(syn))).toEqual(['/qa/helping/']);
  });

  it('6. a page sharing one common word with a long query is not a result', () => {
    expect(rank('手机话费充值举报')).toEqual([]);
  });

  it('6b. grammar characters need not be covered: 怎么办 alone does not make a page a result', () => {
    expect(rank('宠物狗咬人了怎么办')).toEqual([]);
  });

  it('7. weak matches drop out instead of filling the first ten', () => {
    const ids = rankIds('高利贷上门催收怎么办', hints(), shardsFor('高利贷上门催收怎么办'));
    expect(PAGES[ids[0]!]!.u).toBe('/qa/usury/');
    // Every page that has 怎么办 covers enough of the query, but scores far below the usury page.
    expect(ids.length).toBeLessThan(5);
    expect(ids.map((id) => PAGES[id]!.u)).not.toContain('/qa/village/');
    expect(WEAK_SCORE_SHARE).toBeGreaterThan(0);
  });

  it('8. a bigram made with a grammar character (会来, 了他) weighs less than a word', () => {
    expect(termWeight('会来')).toBeLessThan(1);
    expect(termWeight('报复')).toBe(1);
  });

  it('8b. question words (多少, 如何) weigh like grammar and need not be covered', () => {
    expect(termWeight('多少')).toBeLessThan(1);
    // 多少 is in one page's keywords; a question about pensions is still not about that page.
    expect(rank('养老金涨多少')).toEqual([]);
    expect(rank('举报奖励有多少')[0]).toBe('/qa/reward/');
  });

  it('9. a type filter keeps the order and only pages of that type', () => {
    expect(rank('有组织犯罪', hints(), '法条')).toEqual(
      ['/law/2/', '/law/1/'].filter((u) => rank('有组织犯罪').includes(u)),
    );
    expect(rank('有组织犯罪', hints(), '法条').every((u) => u.startsWith('/law/'))).toBe(true);
  });

  it('10. the same query gives the same order every time (ties by page number), so results never reorder', () => {
    const a = rank('举报');
    expect(a.length).toBeGreaterThan(1);
    for (let i = 0; i < 3; i++) expect(rank('举报')).toEqual(a);
  });
});

describe('defining pages', () => {
  it('11. the page a glossary term is defined on ranks above a page with the word as a keyword', () => {
    // /qa/report-umbrella/ has 保护伞 in its title, keywords and text; /qa/umbrella/ defines it.
    expect(DEFINES_BONUS).toBeGreaterThan(0);
    expect(rank('保护伞').slice(0, 2)).toEqual(['/qa/umbrella/', '/qa/report-umbrella/']);
  });
});

describe('common terms at scale', () => {
  it('a term on more than MAX_POSTINGS_PER_TERM pages keeps its best pages and its true page count', () => {
    const n = MAX_POSTINGS_PER_TERM + 50;
    const many: TextIndexDoc[] = Array.from({ length: n }, (_, id) => ({
      id,
      text: id === n - 1 ? '如何举报' : '可以举报。',
      title: id === n - 1 ? '举报' : `问题${id}`,
    }));
    const shards = buildTextIndex(many);
    const holder = shards.find((s) => s.t['举报'])!;
    expect(holder.t['举报']!.length / 2).toBe(MAX_POSTINGS_PER_TERM);
    expect(holder.d!['举报']).toBe(n);
    // The page that is about the word (its title) is kept, and ranks first.
    const found = searchTextIndex('举报', new Map(shards.map((s, i) => [i, s])), shards.length);
    expect(found[0]!.id).toBe(n - 1);
  });
});

describe('words on every page', () => {
  it('13. the page about a word on every page still ranks first for it (KEY_IDF_FLOOR)', () => {
    const n = 50;
    const docs: TextIndexDoc[] = Array.from({ length: n }, (_, id) =>
      id === n - 1
        ? { id, title: '什么是有组织犯罪', aliases: ['有组织犯罪'], text: '反有组织犯罪法的定义。' }
        : {
            id,
            title: `问题${id}`,
            // 说白 is on a fifth of the pages: rarer than the law's name, which is everywhere.
            text: id % 5 === 0 ? '反有组织犯罪法规定，说白了要依法办事。' : '反有组织犯罪法规定。',
          },
    );
    const shards = buildTextIndex(docs);
    const found = searchTextIndex(
      '有组织犯罪 说白了指啥',
      new Map(shards.map((sh, i) => [i, sh])),
      shards.length,
    );
    expect(KEY_IDF_FLOOR).toBeGreaterThan(0);
    expect(found[0]!.id).toBe(n - 1);
  });
});

describe('common terms left out of coverage', () => {
  it('12. a term cut to its best pages does not count against a page it may be on', () => {
    // 村委会 is on every page, in most titles: its list keeps the best MAX_POSTINGS_PER_TERM
    // pages, and the page about elections (村委会 in its text only) is not among them.
    const n = MAX_POSTINGS_PER_TERM + 50;
    const many: TextIndexDoc[] = Array.from({ length: n }, (_, id) =>
      id === n - 1
        ? { id, title: '选举', keywords: ['选举'], text: '村委会的事。' }
        : { id, title: `村委会${id}`, text: '村委会开会。村委会通知。' },
    );
    const shards = buildTextIndex(many);
    const all = new Map(shards.map((sh, i) => [i, sh]));
    expect(shards.some((sh) => sh.d?.['村委'])).toBe(true);
    const found = searchTextIndex('村委会选举拉票', all, shards.length);
    expect(found.map((m) => m.id)).toContain(n - 1);
    expect(found.find((m) => m.id === n - 1)!.coverage).toBe(0.5);
  });
});

describe('firstResults with loaders passed in', () => {
  const records: PageRecord[] = PAGES.map((p) => ({ u: p.u, t: p.title ?? '', k: p.k, d: '' }));
  function counting(): SearchLoaders & { shards: number[]; blocks: number[] } {
    const shards: number[] = [];
    const blocks: number[] = [];
    return {
      shards,
      blocks,
      shard: async (i) => (shards.push(i), built[i] as TextShard),
      records: async (b) => (blocks.push(b), records.slice(b * RB, b * RB + RB)),
    };
  }

  it('downloads only the query’s shards and the record blocks of the pages shown', async () => {
    const load = counting();
    const shown = await firstResults('举报', hints(), load);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThanOrEqual(FIRST_RESULTS);
    expect(load.shards.sort()).toEqual(shardsNeeded('举报', hints()));
    const ids = shown.map((r) => PAGES.findIndex((p) => p.u === r.u));
    expect(load.blocks.sort((a, b) => a - b)).toEqual(
      [...new Set(ids.map((id) => recordBlockOf(id, RB)))].sort((a, b) => a - b),
    );
    expect(load.blocks.length).toBeLessThan(Math.ceil(PAGES.length / RB));
  });

  it('returns the records in ranked order', async () => {
    const shown = await firstResults('工地被抢', hints(), counting());
    expect(shown[0]).toEqual({
      u: '/qa/construction/',
      t: '工程项目被强揽怎么办',
      k: '问答',
      d: '',
    });
  });

  it('a failed shard download is an error, not "no results"', async () => {
    const load = { ...counting(), shard: async () => Promise.reject(new Error('offline')) };
    await expect(firstResults('工地', hints(), load)).rejects.toThrow('offline');
  });
});
