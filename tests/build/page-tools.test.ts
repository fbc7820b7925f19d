import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { page } from '../harness/dist.ts';
import { root } from '../helpers/reading-pages.ts';

// 朗读 and 复制链接 in the built pages (tests/browser/read-aloud.test.ts and copy-link.test.ts use them).
describe('朗读 and 复制链接', () => {
  it('law articles and Q&A have read-aloud controls, hidden until a Chinese voice is found, and text marked to read', () => {
    for (const path of ['/law/61/', '/qa/reporter-protection/']) {
      const doc = page(path);
      const box = doc.querySelector('[data-read-aloud]')!;
      expect(box, path).not.toBeNull();
      expect(box.hasAttribute('hidden'), path).toBe(true);
      // Button labels stay out of the search index.
      expect(doc.querySelector('.page-tools')!.getAttribute('data-pagefind-ignore'), path).toBe(
        'all',
      );
      expect(box.querySelectorAll('button').map((b) => b.text)).toEqual([
        '朗读',
        '暂停',
        '继续',
        '停止',
      ]);
      expect(doc.querySelector('h1')!.hasAttribute('data-speak')).toBe(true);
      expect(
        doc
          .querySelectorAll('main [data-speak]')
          .map((e) => e.text)
          .join('').length,
      ).toBeGreaterThan(50);
    }
  });

  it('复制链接 copies a title and the short link of the page', () => {
    const law = page('/law/61/').querySelector('[data-copy]')!.getAttribute('data-copy')!;
    expect(law.split('\n')[0]).toBe('《中华人民共和国反有组织犯罪法》第六十一条');
    expect(law.split('\n').at(-1)).toBe(root + 'q/l61/');
    const qa = page('/qa/reporter-protection/');
    const text = qa.querySelector('[data-copy]')!.getAttribute('data-copy')!;
    const code = /^code: (\w+)$/m.exec(
      readFileSync('content/qa/reporter-protection.mdx', 'utf8'),
    )![1];
    expect(text).toBe(
      [qa.querySelector('h1')!.text, qa.querySelector('.answer')!.text, root + `q/${code}/`].join(
        '\n',
      ),
    );
  });
});
