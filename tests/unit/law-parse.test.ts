import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleLines, LawParseError, parseLaw, serialiseLaw } from '../../src/lib/law/parse.ts';
import type { LawArticle } from '../../src/lib/law/types.ts';

// The law as shipped in content/ (a verbatim copy of the official text). The expected
// values below were written out from the official text; the test never reads ../shared/.
const law = parseLaw(readFileSync('content/law/anti-organized-crime-law.md', 'utf8'));

/** SHA-256 of serialiseLaw(): title, normalised chapter headings, "第N条 " + lines. */
const EXPECTED_SHA256 = '761eb7f482f4e4cd642961d25dcf9d540df7ade57bdc622089ba6dadfcbbd382';

/**
 * SHA-256 of the files in content/law exactly as committed (bytes, not parsed): the hash
 * above is of the parser's own output, so it cannot see a change the parser drops. Update
 * one only together with the official text it was copied from.
 */
const RAW_SHA256: Record<string, string> = {
  'anti-organized-crime-law.md': 'b09f64ae4364b7db442798aa6d2035d5ef1fc2923bc1ea3f7d69f31bbc492890',
  'criminal-law-article-294.md': 'ac28bf68bff910ac60f5614f236cbdd05fbbfc4c194e86dbdc789f8fe0e00348',
  'criminal-procedure-law-excerpts.md':
    'ce710535a5ef56f7ae38f73652934d33b98560bf8abff17134e7c939b32f4bee',
};

const plain = (a: LawArticle) =>
  a.paragraphs.map((p) => ({ text: p.text, items: p.items.map((i) => i.label + i.text) }));
const article = (n: number) => {
  const a = law.articles.find((x) => x.number === n);
  if (!a) throw new Error(`article ${n} missing`);
  return a;
};

describe('parseLaw on the Anti-Organized Crime Law', () => {
  it('finds the title and the adoption and commencement lines', () => {
    expect(law.title).toBe('中华人民共和国反有组织犯罪法');
    expect(law.preamble).toEqual([
      '2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议通过',
      '2022年5月1日 施行',
    ]);
  });

  it('finds 9 chapters with normalised titles', () => {
    expect(law.chapters.map((c) => `${c.label} ${c.title}`)).toEqual([
      '第一章 总则',
      '第二章 预防和治理',
      '第三章 案件办理',
      '第四章 涉案财产认定和处置',
      '第五章 国家工作人员涉有组织犯罪的处理',
      '第六章 国际合作',
      '第七章 保障措施',
      '第八章 法律责任',
      '第九章 附则',
    ]);
  });

  it('finds 77 articles numbered 1…77 in order, each in a chapter', () => {
    expect(law.articles).toHaveLength(77);
    expect(law.articles.map((a) => a.number)).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
    expect(law.chapters.flatMap((c) => c.articles)).toEqual(law.articles.map((a) => a.number));
    expect(law.chapters[0]!.articles.at(-1)).toBe(8);
    expect(law.chapters[8]!.articles).toEqual([77]);
  });

  it('labels each article with the number written in the source', () => {
    const source = readFileSync('content/law/anti-organized-crime-law.md', 'utf8');
    const labels = [...source.matchAll(/^(第[一二三四五六七八九十百]+条) /gmu)].map((m) => m[1]);
    expect(law.articles.map((a) => a.label)).toEqual(labels);
  });

  it('matches the committed checksum of the whole normalised text', () => {
    expect(createHash('sha256').update(serialiseLaw(law)).digest('hex')).toBe(EXPECTED_SHA256);
  });

  it('reads law files whose raw bytes match their committed checksums, one for every file', () => {
    const files = readdirSync('content/law')
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files).toEqual(Object.keys(RAW_SHA256).sort());
    for (const f of files)
      expect(
        createHash('sha256')
          .update(readFileSync(`content/law/${f}`))
          .digest('hex'),
        f,
      ).toBe(RAW_SHA256[f]);
  });

  it('reads article 2 as three paragraphs', () => {
    expect(plain(article(2))).toEqual([
      {
        text: '本法所称有组织犯罪，是指《中华人民共和国刑法》第二百九十四条规定的组织、领导、参加黑社会性质组织犯罪，以及黑社会性质组织、恶势力组织实施的犯罪。',
        items: [],
      },
      {
        text: '本法所称恶势力组织，是指经常纠集在一起，以暴力、威胁或者其他手段，在一定区域或者行业领域内多次实施违法犯罪活动，为非作恶，欺压群众，扰乱社会秩序、经济秩序，造成较为恶劣的社会影响，但尚未形成黑社会性质组织的犯罪组织。',
        items: [],
      },
      {
        text: '境外的黑社会组织到中华人民共和国境内发展组织成员、实施犯罪，以及在境外对中华人民共和国国家或者公民犯罪的，适用本法。',
        items: [],
      },
    ]);
  });

  it('reads article 8 as two paragraphs', () => {
    expect(plain(article(8))).toEqual([
      { text: '国家鼓励单位和个人举报有组织犯罪。', items: [] },
      {
        text: '对举报有组织犯罪或者在反有组织犯罪工作中作出突出贡献的单位和个人，按照国家有关规定给予表彰、奖励。',
        items: [],
      },
    ]);
  });

  it('reads article 61 as one paragraph with six items', () => {
    expect(plain(article(61))).toEqual([
      {
        text: '因举报、控告和制止有组织犯罪活动，在有组织犯罪案件中作证，本人或者其近亲属的人身安全面临危险的，公安机关、人民检察院、人民法院应当按照有关规定，采取下列一项或者多项保护措施：',
        items: [
          '（一）不公开真实姓名、住址和工作单位等个人信息；',
          '（二）采取不暴露外貌、真实声音等出庭作证措施；',
          '（三）禁止特定的人接触被保护人员；',
          '（四）对人身和住宅采取专门性保护措施；',
          '（五）变更被保护人员的身份，重新安排住所和工作单位；',
          '（六）其他必要的保护措施。',
        ],
      },
    ]);
    expect(article(61).paragraphs[0]!.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads article 77', () => {
    expect(plain(article(77))).toEqual([{ text: '本法自2022年5月1日起施行。', items: [] }]);
    expect(articleLines(article(77))).toEqual(['本法自2022年5月1日起施行。']);
  });
});

describe('parseLaw on the excerpts', () => {
  it('reads 刑法第二百九十四条 with its four features', () => {
    const cl = parseLaw(readFileSync('content/law/criminal-law-article-294.md', 'utf8'));
    expect(cl.chapters).toEqual([]);
    expect(cl.articles.map((a) => a.number)).toEqual([294]);
    const p5 = cl.articles[0]!.paragraphs[4]!;
    expect(p5.text).toBe('黑社会性质的组织应当同时具备以下特征：');
    expect(p5.items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）', '（四）']);
    expect(p5.items[0]!.text).toBe(
      '形成较稳定的犯罪组织，人数较多，有明确的组织者、领导者，骨干成员基本固定；',
    );
  });

  it('reads the criminal procedure law excerpts', () => {
    const cpl = parseLaw(readFileSync('content/law/criminal-procedure-law-excerpts.md', 'utf8'));
    expect(cpl.articles.map((a) => a.number)).toEqual([63, 64, 65, 110, 111]);
    expect(cpl.articles.find((a) => a.number === 111)!.paragraphs).toHaveLength(3);
    expect(cpl.articles.find((a) => a.number === 64)!.paragraphs[0]!.items).toHaveLength(5);
  });
});

describe('parseLaw rejects malformed text with a line number', () => {
  const bad = (text: string) => {
    try {
      parseLaw(text);
    } catch (e) {
      expect(e).toBeInstanceOf(LawParseError);
      return (e as LawParseError).message;
    }
    throw new Error('expected a LawParseError');
  };
  it('articles out of order', () => {
    expect(bad('# 法\n\n第二条 甲。\n\n第一条 乙。\n')).toMatch(/第 5 行.*没有递增/);
  });
  it('a skipped chapter', () => {
    expect(bad('# 法\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第三章 附则\n')).toMatch(
      /第 7 行.*章的编号不连续/,
    );
  });
  it('a skipped item', () => {
    expect(bad('# 法\n\n第一条 甲：\n\n（一）乙；\n\n（三）丙。\n')).toMatch(
      /第 7 行.*项的编号不连续/,
    );
  });
  it('no title', () => {
    expect(bad('第一条 甲。\n')).toMatch(/缺少一级标题/);
  });
});
