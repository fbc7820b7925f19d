import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLaw } from '../../src/lib/law/parse.ts';
import { htmlPages, page } from '../harness/dist.ts';

const law = parseLaw(readFileSync('content/law/anti-organized-crime-law.md', 'utf8'));
const pages = htmlPages();

describe('channels that need an area code (dial: false) have no one-tap call link', () => {
  it('no page links tel:12389', () => {
    for (const p of pages)
      expect(readFileSync(p.file, 'utf8'), p.path).not.toContain('href="tel:12389"');
  });
});

describe('12337 is never presented as a number to call', () => {
  it('no page has a tel: link to 12337, or 拨打/致电/热线/电话 next to 12337', () => {
    for (const p of pages) {
      const html = readFileSync(p.file, 'utf8');
      expect(html, p.path).not.toMatch(/tel:\+?(86)?12337/);
      const text = page(p.path).querySelector('body')?.text ?? '';
      for (const m of text.matchAll(/12337/g)) {
        const around = text.slice(Math.max(0, m.index - 8), m.index + 5 + 8);
        expect(around, `${p.path}: …${around}…`).not.toMatch(/拨打|致电|热线|电话/);
      }
    }
  });
});

describe('Q&A pages', () => {
  const qa = pages.filter((p) => /^\/qa\/[^/]+\/$/.test(p.path));

  it('has at least 60 questions, each with the answer first, quotes, and dates', () => {
    expect(qa.length).toBeGreaterThanOrEqual(60);
    for (const p of qa) {
      const doc = page(p.path);
      const main = doc.querySelector('main')!;
      expect(main.querySelector('h1')!.text, p.path).toMatch(/？$/);
      expect(
        main.querySelector('h1 + .answer'),
        `${p.path}: answer right after the question`,
      ).not.toBeNull();
      expect(
        main.querySelectorAll('figure.cite').length,
        `${p.path}: quotes the law`,
      ).toBeGreaterThan(0);
      expect(main.text).toContain('来源');
      expect(main.text).toContain('发布日期');
      expect(main.text).toContain('更新日期');
    }
  });

  it('quotes verbatim law text, linked to the article page', () => {
    const doc = page('/qa/reporter-protection/');
    const cite = doc
      .querySelectorAll('figure.cite')
      .find((f) => f.querySelector('figcaption a')?.getAttribute('href') === '/law/61/');
    expect(cite).toBeDefined();
    expect(cite!.querySelector('blockquote')!.text).toContain(
      '（五）变更被保护人员的身份，重新安排住所和工作单位；',
    );
  });

  it('together cite articles from all 9 chapters', () => {
    const cited = new Set<number>();
    for (const p of qa) {
      for (const a of page(p.path).querySelectorAll('figure.cite figcaption a')) {
        const m = /^\/law\/(\d+)\/$/.exec(a.getAttribute('href') ?? '');
        if (m) cited.add(Number(m[1]));
      }
    }
    const chapters = law.chapters
      .filter((c) => c.articles.some((n) => cited.has(n)))
      .map((c) => c.title);
    expect(chapters).toEqual(law.chapters.map((c) => c.title));
  });

  it('/qa/ lists every question, grouped by topic', () => {
    const doc = page('/qa/');
    const links = new Set(
      doc.querySelectorAll('main section a').map((a) => a.getAttribute('href')),
    );
    for (const p of qa) expect(links.has(p.path), p.path).toBe(true);
    expect(doc.querySelectorAll('main section h2').length).toBeGreaterThan(5);
  });

  it('article pages list the questions that cite them', () => {
    const links = page('/law/61/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    expect(links).toContain('/qa/reporter-protection/');
  });

  it('article pages link back to the cases that illustrate them', () => {
    const links = page('/law/23/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    expect(links).toContain('/cases/scenario-violent-debt-collection/');
    expect(
      page('/cases/scenario-violent-debt-collection/').querySelector('.scenario-flag')!.text,
    ).toContain('情景示例');
  });
});

describe('/report/', () => {
  const doc = page('/report/');
  const text = doc.querySelector('main')!.text;

  it('starts with the emergency line, before the heading', () => {
    expect(text.indexOf('紧急情况请立即拨打 110')).toBeLessThan(text.indexOf('我要举报'));
  });

  it('lists the national channels from facts only, each with its verification date', () => {
    for (const name of ['110', '12337', '12388', '12309', '12389']) expect(text).toContain(name);
    expect(doc.querySelectorAll('.channel').length).toBe(5);
    for (const c of doc.querySelectorAll('.channel')) expect(c.text).toContain('核实日期');
    expect(text).not.toContain('12368');
  });

  it('makes phone channels tel: links with large tap targets, and 12337 none', () => {
    const tels = doc.querySelectorAll('a[href^="tel:"]').map((a) => a.getAttribute('href'));
    expect(tels).toEqual(expect.arrayContaining(['tel:110', 'tel:12388', 'tel:12309']));
    expect(tels).not.toContain('tel:12337');
    // 12389 is dialled after the area code of the level being reported: no one-tap link.
    expect(tels).not.toContain('tel:12389');
  });

  it('covers preparation, anonymity, protection, rewards and honest mistakes, with quotes', () => {
    for (const h of [
      '举报前准备什么',
      '实名举报和保密',
      '举报人受什么保护',
      '举报有没有奖励',
      '举报错了怎么办',
      '本站不收集任何信息',
    ]) {
      expect(doc.querySelectorAll('main h2').map((e) => e.text)).toContain(h);
    }
    const cited = doc.querySelectorAll('figure.cite figcaption').map((f) => f.text);
    expect(cited.some((c) => c.includes('刑事诉讼法') && c.includes('第一百一十一条第二款'))).toBe(
      true,
    );
    expect(cited.some((c) => c.includes('第八条'))).toBe(true);
    expect(text).not.toMatch(/\d+\s*(元|万元)/);
  });
});
