import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  indexedGlob,
  pagesFromFragments,
  writeTextIndex,
} from '../../src/integrations/search-text-index.ts';
import {
  buildTextIndex,
  queryTerms,
  RECORDS_PER_BLOCK,
  searchTextIndex,
  POSTINGS_PER_SHARD,
  shardCount,
  shardOf,
  shardsForQuery,
  textTerms,
  TEXT_INDEX_VERSION,
  type TextShard,
} from '../../src/lib/search/text-index.ts';

const terms = (s: string) => textTerms(s).map((t) => t.term);
const asMap = (shards: TextShard[]) => new Map(shards.map((s, i) => [i, s]));

const DOCS = [
  { id: 0, text: '什么是保护伞？国家机关工作人员包庇、纵容黑社会性质组织。' },
  { id: 1, text: '借了高利贷，有人天天上门催收，泼油漆、堵门。这是软暴力。' },
  { id: 2, text: '证人作证的交通费、住宿费，由司法机关给予补助。' },
  { id: 3, text: '协助办案受伤的，依照规定享受工伤待遇。举报电话 12337 不是电话，是平台。' },
  { id: 4, text: '黑社会性质组织的认定。组织者、领导者。' },
];

describe('terms', () => {
  it('splits Chinese runs into bigrams and never joins across punctuation', () => {
    expect(terms('保护伞？包庇')).toEqual(['保护', '护伞', '包庇']);
  });

  it('keeps Latin and digit runs whole, lower-cased, and full-width digits as ASCII', () => {
    expect(terms('ＱＲ码 12337平台')).toEqual(['qr', '12337', '平台']);
  });

  it('skips a lone Chinese character between punctuation', () => {
    expect(terms('黑，恶。')).toEqual([]);
  });

  it('joins separable words in a query (受了伤 → 受伤), but not across other characters', () => {
    expect(queryTerms('受了伤').map((t) => t.term)).toEqual(['受了', '了伤', '受伤']);
    expect(queryTerms('帮个忙').map((t) => t.term)).toContain('帮忙');
    expect(queryTerms('受到伤').map((t) => t.term)).not.toContain('受伤');
    expect(queryTerms('受了，伤').map((t) => t.term)).not.toContain('受伤');
  });
});

describe('shards', () => {
  it('puts a term in the same shard every time, within range', () => {
    for (const t of ['保护', '12337', '软暴']) {
      const s = shardOf(t, 32);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(32);
      expect(shardOf(t, 32)).toBe(s);
    }
    // FNV-1a of "a" is 0xe40c292c.
    expect(shardOf('a', 2 ** 16)).toBe(0xe40c292c % 2 ** 16);
  });

  it('grows the number of shards with the postings, about POSTINGS_PER_SHARD each', () => {
    expect(shardCount(0)).toBe(8);
    expect(shardCount(8 * POSTINGS_PER_SHARD)).toBe(8);
    expect(shardCount(8 * POSTINGS_PER_SHARD + 1)).toBe(9);
    expect(shardCount(100 * POSTINGS_PER_SHARD)).toBe(100);
  });

  it('lists exactly the shards holding the query terms', () => {
    const need = shardsForQuery('受了伤', 64);
    expect(need).toEqual(
      [...new Set(['受了', '了伤', '受伤'].map((t) => shardOf(t, 64)))].sort((a, b) => a - b),
    );
  });

  it('builds the same files from the same pages in any order', () => {
    const a = buildTextIndex(DOCS).map((s) => JSON.stringify(s));
    const b = buildTextIndex([...DOCS].reverse()).map((s) => JSON.stringify(s));
    expect(b).toEqual(a);
    expect(a.length).toBe(8);
  });

  it('refuses a page id used twice', () => {
    expect(() => buildTextIndex([DOCS[0]!, { ...DOCS[1]!, id: 0 }])).toThrow(
      /page id 0 appears twice/,
    );
  });

  it('stores every term of every page once, in its own shard', () => {
    const shards = buildTextIndex(DOCS);
    for (const d of DOCS) {
      for (const t of terms(d.text)) {
        const flat = shards[shardOf(t, shards.length)]!.t[t];
        expect(flat, t).toBeDefined();
        let id = 0;
        const ids: number[] = [];
        for (let i = 0; i < flat!.length; i += 2) ids.push((id += flat![i]!));
        expect(ids, t).toContain(d.id);
      }
    }
  });
});

describe('search', () => {
  const shards = buildTextIndex(DOCS);
  const search = (q: string) => searchTextIndex(q, asMap(shards), shards.length).map((m) => m.id);

  it('finds the page with the words, best first', () => {
    expect(search('保护伞')[0]).toBe(0);
    expect(search('高利贷上门催收')[0]).toBe(1);
    expect(search('12337')).toEqual([3]);
  });

  it('ranks the page with the rarer word first', () => {
    // 黑社会性质组织 is on two pages; 认定 only on page 4.
    expect(search('黑社会性质组织的认定')[0]).toBe(4);
  });

  it('finds a separable word written whole on the page', () => {
    expect(search('受了伤')).toEqual([3]);
  });

  it('leaves out a page that shares only a small part of the query', () => {
    // 交通 is on page 2, but 交通银行信用卡还款 is not about it.
    expect(searchTextIndex('交通', asMap(shards), shards.length).map((m) => m.id)).toEqual([2]);
    expect(search('交通银行信用卡还款')).toEqual([]);
    expect(
      searchTextIndex('交通银行信用卡还款', asMap(shards), shards.length, { all: true }).map(
        (m) => m.id,
      ),
    ).toEqual([2]);
  });

  it('returns nothing for a query with no Chinese, letters or digits', () => {
    expect(search('？？')).toEqual([]);
  });

  it('fails loudly when a needed shard was not loaded, or has another format', () => {
    expect(() => searchTextIndex('保护伞', new Map(), shards.length)).toThrow(
      /shard \d+ for “保护” was not loaded/,
    );
    const old = new Map(shards.map((s, i) => [i, { ...s, v: TEXT_INDEX_VERSION + 1 }]));
    expect(() => searchTextIndex('保护伞', old, shards.length)).toThrow(/shard format/);
  });
});

describe('what pagefind reads', () => {
  it('reads only the folders of the pages search lists, as the hints name them', () => {
    const out = mkdtempSync(join(tmpdir(), 'aocl-glob-'));
    try {
      const pages = ['/qa/a/', '/law/61/', '/qa/b/', '/report/'].map((u) => ({ u }));
      writeFileSync(join(out, 'search-hints.json'), JSON.stringify({ terms: [], pages }));
      expect(indexedGlob(out)).toBe('{law,qa,report}/**/*.html');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("pagefind's extracted text", () => {
  const fragment = (path: string, data: unknown) => ({
    path,
    content: new Uint8Array(gzipSync(Buffer.from('pagefind_dcd' + JSON.stringify(data)))),
  });

  it('reads URL and text from fragments and removes the word separators', () => {
    const pages = pagesFromFragments([
      fragment('fragment/zh-cn_1.pf_fragment', {
        url: '/qa/a/',
        content: '什么\u200b是\u200b保护伞',
        meta: {},
      }),
      fragment('index/zh-cn_2.pf_index', {}),
    ]);
    expect(pages).toEqual([{ url: '/qa/a/', text: '什么是保护伞' }]);
  });

  it('names the fragment when its format is not what pagefind 1.6 writes', () => {
    const bad = {
      path: 'fragment/zh-cn_9.pf_fragment',
      content: new Uint8Array(gzipSync(Buffer.from('{"url":"/"}'))),
    };
    expect(() => pagesFromFragments([bad])).toThrow(/zh-cn_9\.pf_fragment has an unknown format/);
  });
});

describe('writing the index into the build', () => {
  const hints = {
    pages: [
      { u: '/qa/a/', t: 'A', k: '问答', d: '', w: [] },
      { u: '/law/1/', t: '第一条', k: '法条', d: '', w: [] },
    ],
    terms: [],
  };

  it('writes shards and record blocks in a folder named by their content, and a hints file without pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-index-'));
    try {
      writeFileSync(join(dir, 'search-hints.json'), JSON.stringify(hints));
      const done = writeTextIndex(dir, [
        { url: '/law/1/', text: '为了预防和惩治有组织犯罪' },
        { url: '/qa/a/', text: '什么是保护伞' },
      ]);
      const written = JSON.parse(readFileSync(join(dir, 'search-hints.json'), 'utf8'));
      expect(written.pages).toBeUndefined();
      expect(written.x).toEqual({
        v: TEXT_INDEX_VERSION,
        s: done.shards,
        dir: done.dir,
        n: 2,
        rb: RECORDS_PER_BLOCK,
        k: [
          ['问答', 0, 1],
          ['法条', 1, 2],
        ],
        a: [1],
      });
      expect(done.dir).toMatch(/^search-index\/[0-9a-f]{10}$/);
      expect(readdirSync(join(dir, done.dir)).length).toBe(done.shards + done.blocks);
      expect(JSON.parse(readFileSync(join(dir, done.dir, 'p0.json'), 'utf8'))).toEqual([
        { u: '/qa/a/', t: 'A', k: '问答', d: '' },
        { u: '/law/1/', t: '第一条', k: '法条', d: '' },
      ]);
      const shards = new Map(
        Array.from({ length: done.shards }, (_, i) => [
          i,
          JSON.parse(readFileSync(join(dir, done.dir, `${i}.json`), 'utf8')) as TextShard,
        ]),
      );
      // Ids are positions in the records, type by type: /law/1/ is the second page.
      expect(searchTextIndex('惩治有组织犯罪', shards, done.shards).map((m) => m.id)).toEqual([1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexes only the given pages into a second hints file (离线保存 of part of the site), leaving the first one alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-index-'));
    try {
      const source = JSON.stringify(hints);
      writeFileSync(join(dir, 'search-hints.json'), source);
      const texts = [
        { url: '/law/1/', text: '为了预防和惩治有组织犯罪' },
        { url: '/qa/a/', text: '什么是保护伞' },
      ];
      // 保护伞 is on /qa/a/ only, which this index leaves out: the synonym is still no error.
      const syn = { file: 'search-synonyms.yaml', source: '- words: [撑腰]\n  means: [保护伞]\n' };
      const part = writeTextIndex(dir, texts, syn, {
        hints,
        only: new Set(['/law/1/']),
        hintsFile: 'search-hints.offline.json',
      });
      expect(readFileSync(join(dir, 'search-hints.json'), 'utf8')).toBe(source);
      const written = JSON.parse(readFileSync(join(dir, 'search-hints.offline.json'), 'utf8'));
      expect(written.x).toMatchObject({ n: 1, dir: part.dir, k: [['法条', 0, 1]], a: [0] });
      expect(part.pages).toBe(1);
      const shards = new Map(
        Array.from({ length: part.shards }, (_, i) => [
          i,
          JSON.parse(readFileSync(join(dir, part.dir, `${i}.json`), 'utf8')) as TextShard,
        ]),
      );
      expect(searchTextIndex('保护伞', shards, part.shards)).toEqual([]);
      expect(searchTextIndex('惩治有组织犯罪', shards, part.shards).map((m) => m.id)).toEqual([0]);
      // The whole site's index, written from the same input, is a different folder.
      expect(writeTextIndex(dir, texts, undefined, { hints }).dir).not.toBe(part.dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('numbers pages type by type, so a type filter is an id range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-index-'));
    try {
      const mixed = {
        pages: [hints.pages[0], hints.pages[1], { u: '/qa/b/', t: 'B', k: '问答', d: '', w: [] }],
        terms: [],
      };
      writeFileSync(join(dir, 'search-hints.json'), JSON.stringify(mixed));
      writeTextIndex(dir, []);
      const written = JSON.parse(readFileSync(join(dir, 'search-hints.json'), 'utf8'));
      expect(written.x.k).toEqual([
        ['问答', 0, 2],
        ['法条', 2, 3],
      ]);
      expect(written.x.a).toEqual([2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build, naming file and line, when a synonym points at words no page uses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-index-'));
    try {
      writeFileSync(join(dir, 'search-hints.json'), JSON.stringify(hints));
      const source =
        '# 注释\n- words: [帮警察]\n  means: [保护伞]\n- words: [小店]\n  means:\n    - 开店\n';
      expect(() =>
        writeTextIndex(dir, [{ url: '/qa/a/', text: '什么是保护伞' }], {
          file: 'content/search-synonyms.yaml',
          source,
        }),
      ).toThrow(/content\/search-synonyms\.yaml · 第 6 行：网站用词“开店”/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build, naming the page, when an indexed page is missing from the hints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-index-'));
    try {
      writeFileSync(join(dir, 'search-hints.json'), JSON.stringify(hints));
      expect(() => writeTextIndex(dir, [{ url: '/materials/new/', text: '标语' }])).toThrow(
        /missing from search-hints\.json.*\/materials\/new\//,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
