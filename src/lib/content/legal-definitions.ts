/**
 * The legal definitions the site may only state in full (issue 14, section 0 of the
 * fact sheet): 恶势力组织 (反有组织犯罪法第二条第二款) and 黑社会性质组织 (刑法第二百九十四条
 * 第五款). A text that defines one of them either quotes the provision through the law
 * data (<Cite>, a material's quotes) or contains every element below. Each element is
 * a list of accepted wordings; the first is the law's own (a unit test finds it in
 * content/law/), the others are the law's words with a punctuation mark or a 的 changed.
 */

export interface LegalDefinition {
  term: string;
  /** The provision, as editors cite it. */
  cite: string;
  /** quoteKey()s that quote it: the paragraph, or the whole article. */
  quotes: string[];
  lawFile: string;
  elements: string[][];
}

export const LEGAL_DEFINITIONS: LegalDefinition[] = [
  {
    term: '恶势力组织',
    cite: '<Cite article={2} paragraph={2} />',
    quotes: ['aocl 2 2', 'aocl 2'],
    lawFile: 'anti-organized-crime-law.md',
    elements: [
      ['经常纠集在一起'],
      ['以暴力、威胁或者其他手段', '以暴力、威胁或其他手段'],
      ['在一定区域或者行业领域内', '在一定区域或行业领域内'],
      ['多次实施违法犯罪活动'],
      ['为非作恶'],
      ['欺压群众'],
      ['扰乱社会秩序、经济秩序', '扰乱社会秩序和经济秩序'],
      ['造成较为恶劣的社会影响'],
      ['尚未形成黑社会性质组织', '还没有形成黑社会性质组织'],
      ['犯罪组织'],
    ],
  },
  {
    term: '黑社会性质组织',
    cite: '<Cite law="刑法" article={294} paragraph={5} />',
    quotes: ['刑法 294 5', '刑法 294'],
    lawFile: 'criminal-law-article-294.md',
    elements: [
      ['形成较稳定的犯罪组织'],
      ['人数较多'],
      ['有明确的组织者、领导者'],
      ['骨干成员基本固定'],
      ['有组织地通过违法犯罪活动或者其他手段获取经济利益'],
      ['具有一定的经济实力'],
      ['以支持该组织的活动'],
      ['以暴力、威胁或者其他手段'],
      ['有组织地多次进行违法犯罪活动'],
      ['为非作恶'],
      ['欺压、残害群众'],
      ['通过实施违法犯罪活动，或者利用国家工作人员的包庇或者纵容', '利用国家工作人员的包庇或者纵容'],
      ['称霸一方'],
      ['在一定区域或者行业内，形成非法控制或者重大影响', '形成非法控制或者重大影响'],
      ['严重破坏经济、社会生活秩序'],
    ],
  },
];

/** Spaces and line breaks do not count when comparing with the law's words. */
export const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** The elements a text leaves out, by their legal wording. */
export function missingElements(def: LegalDefinition, text: string): string[] {
  const t = squash(text);
  return def.elements.filter((alts) => !alts.some((a) => t.includes(squash(a)))).map((alts) => alts[0]!);
}
