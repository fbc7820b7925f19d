import { resolveCitation } from '../../src/lib/law/cite.ts';
import { LAWS, LAW_IDS, type LawId } from '../../src/lib/law/registry.ts';
import type { Law } from '../../src/lib/law/types.ts';

/**
 * Every citation the editor's "引用法条" form offers, generated from the law data in
 * content/law/. Each option is resolved with the same resolveCitation() the site and
 * the content check use, so a citation that does not exist (第七十八条) is never offered.
 */

export interface LawOption {
  /** Name written in <Cite law="…">; empty for 反有组织犯罪法 (the default). */
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
  /** 第六十一条第（一）项 */
  label: string;
  /** The exact text that will be quoted. */
  text: string;
  /** The MDX written into the body. */
  mdx: string;
}

export interface LawGroup {
  law: string;
  title: string;
  options: LawOption[];
}

const SHORT_NAME: Record<LawId, string> = {
  aocl: '',
  'criminal-law': '刑法',
  'criminal-procedure-law': '刑事诉讼法',
};

function mdxOf(o: { law: string; article: number; paragraph?: number; item?: number }): string {
  const attrs = [
    o.law ? `law="${o.law}"` : '',
    `article={${o.article}}`,
    o.paragraph ? `paragraph={${o.paragraph}}` : '',
    o.item ? `item={${o.item}}` : '',
  ];
  return `<Cite ${attrs.filter(Boolean).join(' ')} />`;
}

export function lawOptions(laws: Record<LawId, Law>): LawGroup[] {
  return LAW_IDS.map((id) => {
    const law = SHORT_NAME[id];
    const options: LawOption[] = [];
    const add = (req: { article: number; paragraph?: number; item?: number }) => {
      const r = resolveCitation(laws, { law: law || undefined, ...req });
      if (!r.ok) return;
      const v = r.value;
      const text = v.item
        ? `${v.item.label}${v.item.text}`
        : v.paragraphs
            .map((p) => [p.text, ...p.items.map((i) => `${i.label}${i.text}`)].join('\n'))
            .join('\n');
      options.push({ law, ...req, label: v.label, text, mdx: mdxOf({ law, ...req }) });
    };
    for (const a of laws[id].articles) {
      add({ article: a.number });
      const multi = a.paragraphs.length > 1;
      for (const p of a.paragraphs) {
        if (multi) add({ article: a.number, paragraph: p.number });
        for (const it of p.items)
          add(
            multi
              ? { article: a.number, paragraph: p.number, item: it.number }
              : { article: a.number, item: it.number },
          );
      }
    }
    return { law, title: LAWS[id].fullName, options };
  });
}
