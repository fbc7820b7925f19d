import { describe, expect, it } from 'vitest';
import { htmlPages, page } from '../harness/dist.ts';

/**
 * The served Content-Security-Policy allows scripts and styles from 'self' only, with
 * no hashes or nonces: so no page may carry inline code of any kind.
 */
const DATA_BLOCK = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

describe('no inline code in dist/', () => {
  it.each(htmlPages().map((p) => p.path))(
    '%s has no inline script, style, style attribute, event handler or javascript: URL',
    (path) => {
      const doc = page(path);
      const found: string[] = [];
      for (const s of doc.querySelectorAll('script')) {
        const type = s.getAttribute('type') ?? '';
        if (!s.hasAttribute('src') && !DATA_BLOCK.test(type))
          found.push(`inline <script${type ? ` type="${type}"` : ''}>`);
      }
      if (doc.querySelectorAll('style').length) found.push('<style> element');
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (name === 'style') found.push(`style="" on <${el.tagName.toLowerCase()}>`);
          if (/^on/i.test(name)) found.push(`${name}="" on <${el.tagName.toLowerCase()}>`);
          if (/^\s*javascript:/i.test(value)) found.push(`javascript: URL in ${name}`);
        }
      }
      expect(found).toEqual([]);
    },
  );
});
