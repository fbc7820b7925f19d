import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadLaws } from '../../src/lib/content/check-files.ts';
import { page } from '../harness/dist.ts';
import { loadDistSearch } from '../helpers/dist-search.ts';

// Runs over dist/ as built by `npm test`. Issue 14: 也说 shows only words that mean the same;
// loose words only help search; legal definitions are quoted from the law data.
const glossary = parseYaml(readFileSync('content/glossary.yaml', 'utf8')) as Array<{
  term: string | number;
  aliases?: Array<string | number>;
  searchAliases?: Array<string | number>;
  qa?: string;
}>;
const { hints, search } = loadDistSearch();
const doc = page('/glossary/');
const laws = loadLaws('.');
const entry = (term: string) =>
  doc.querySelectorAll('.glossary-entry').find((e) => e.querySelector('dt')!.text.trim() === term)!;
const paragraphText = (law: 'aocl' | 'criminal-law', article: number, paragraph: number) => {
  const p = laws[law].articles.find((a) => a.number === article)!.paragraphs[paragraph - 1]!;
  return [p.text, ...p.items.map((i) => i.text)];
};

describe('/glossary/', () => {
  it('shows 也说 only with the aliases, never the search-only words', () => {
    for (const g of glossary) {
      const e = entry(String(g.term));
      const shown = e.querySelectorAll('p.meta').find((p) => p.text.startsWith('也说：'));
      const aliases = (g.aliases ?? []).map(String);
      if (aliases.length === 0) expect(shown, String(g.term)).toBeUndefined();
      else expect(shown!.text, String(g.term)).toBe(`也说：${aliases.join('、')}`);
      const meta = e
        .querySelectorAll('p.meta')
        .map((p) => p.text)
        .join('\n');
      for (const w of (g.searchAliases ?? []).map(String))
        expect(meta.split(/[：、\s]/), `${g.term}: ${w}`).not.toContain(w);
    }
    // The loose words of the legal review are search-only.
    const shown = doc
      .querySelectorAll('p.meta')
      .filter((p) => p.text.startsWith('也说：'))
      .map((p) => p.text)
      .join('\n');
    for (const w of ['团伙犯罪', '黑恶势力', '混混', '黑社会、', '错告'])
      expect(shown).not.toContain(w);
  });

  it('keeps the search-only words searchable: they lead to the term’s page', () => {
    for (const g of glossary) {
      const hint = hints.terms.find((t) => t.t === String(g.term))!;
      expect(hint.a, String(g.term)).toEqual(
        [...(g.aliases ?? []), ...(g.searchAliases ?? [])].map(String),
      );
    }
    expect(search('混混')[0]).toBe('/qa/what-is-e-shi-li-organization/');
    expect(search('团伙犯罪')[0]).toBe('/qa/what-is-organized-crime/');
  });

  it('quotes the legal definitions of 恶势力组织 and 黑社会性质组织 from the law data, verbatim', () => {
    const e = entry('恶势力组织');
    expect(e.querySelector('figure.law-quote figcaption')!.text).toContain(
      '反有组织犯罪法》第二条第二款',
    );
    for (const t of paragraphText('aocl', 2, 2))
      expect(e.querySelector('figure.law-quote blockquote')!.text).toContain(t);
    const h = entry('黑社会性质组织');
    expect(h.querySelector('figure.law-quote figcaption')!.text).toContain(
      '刑法》第二百九十四条第五款',
    );
    const quoted = paragraphText('criminal-law', 294, 5);
    expect(quoted).toHaveLength(5); // the lead-in and the four features
    for (const t of quoted)
      expect(h.querySelector('figure.law-quote blockquote')!.text).toContain(t);
  });

  it('names no search-only word among the terms a law article page shows', () => {
    const words = page('/law/2/').querySelector('p.keywords span')!.text.split('、');
    expect(words).toEqual(
      expect.arrayContaining(['有组织犯罪', '恶势力组织', '黑社会性质组织', '黑社会性质的组织']),
    );
    for (const w of ['团伙犯罪', '混混', '黑社会', '黑恶势力']) expect(words).not.toContain(w);
  });
});
