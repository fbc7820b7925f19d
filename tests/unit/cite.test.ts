import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../../src/lib/law/cite.ts';
import { parseLaw } from '../../src/lib/law/parse.ts';
import { LAWS, LAW_IDS, type LawId } from '../../src/lib/law/registry.ts';
import type { Law } from '../../src/lib/law/types.ts';

const laws = Object.fromEntries(
  LAW_IDS.map((id) => [id, parseLaw(readFileSync(`content/law/${LAWS[id].entry}.md`, 'utf8'))]),
) as Record<LawId, Law>;

const ok = (req: Parameters<typeof resolveCitation>[1]) => {
  const r = resolveCitation(laws, req);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const fail = (req: Parameters<typeof resolveCitation>[1]) => {
  const r = resolveCitation(laws, req);
  if (r.ok) throw new Error('expected the citation to fail');
  return r.message;
};

describe('resolveCitation', () => {
  it('resolves a whole article of the AOCL with a link to its page', () => {
    const c = ok({ article: 61 });
    expect(c.label).toBe('第六十一条');
    expect(c.href).toBe('/law/61/');
    expect(c.paragraphs).toHaveLength(1);
  });
  it('resolves an item', () => {
    const c = ok({ article: 61, item: 1 });
    expect(c.item?.text).toBe('不公开真实姓名、住址和工作单位等个人信息；');
    expect(c.label).toBe('第六十一条第（一）项');
  });
  it('resolves a paragraph and names it', () => {
    expect(ok({ article: 2, paragraph: 2 }).label).toBe('第二条第二款');
  });
  it('resolves the criminal law by its Chinese name, with an anchor on the excerpts page', () => {
    const c = ok({ law: '刑法', article: 294, paragraph: 5, item: 4 });
    expect(c.label).toBe('第二百九十四条第五款第（四）项');
    expect(c.href).toBe('/law/excerpts/#criminal-law-294');
  });
  it('names the paragraph of an item when the article has several paragraphs', () => {
    expect(ok({ law: '刑事诉讼法', article: 64, item: 2 }).label).toBe(
      '第六十四条第一款第（二）项',
    );
  });
  it('rejects article 78 of a 77-article law', () => {
    expect(fail({ article: 78 })).toBe(
      '《中华人民共和国反有组织犯罪法》没有第 78 条（本站收录的是第 1–77 条）',
    );
  });
  it('rejects an article outside the excerpts', () => {
    expect(fail({ law: '刑事诉讼法', article: 112 })).toMatch(
      /没有第 112 条.*63、64、65、110、111/,
    );
  });
  it('rejects an item that does not exist', () => {
    expect(fail({ article: 61, item: 7 })).toMatch(/只有 6 项，没有第（七）项/);
    expect(fail({ article: 1, item: 1 })).toMatch(/没有分项/);
  });
  it('rejects a paragraph that does not exist', () => {
    expect(fail({ article: 8, paragraph: 3 })).toMatch(/只有 2 款，没有第 3 款/);
  });
  it('rejects an unknown law name and a non-integer article', () => {
    expect(fail({ law: '民法典', article: 1 })).toMatch(/不认识的法律名称/);
    expect(fail({ article: '61' })).toMatch(/正整数/);
  });
});
