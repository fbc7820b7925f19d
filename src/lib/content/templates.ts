import type { MdxCollection } from './collections.ts';

/**
 * New-file templates for `npm run new`. Every required field is filled or marked
 * 【请填写】; the content check refuses a file that still has a mark, so nothing
 * half-written is published.
 */
export const TODO = '【请填写】';

export const KIND_NAMES: Record<string, MdxCollection['name']> = {
  问答: 'qa',
  案例: 'cases',
  典型案例: 'cases',
  动态: 'news',
  工作动态: 'news',
  宣传资料: 'materials',
  资料: 'materials',
  materials: 'materials',
  qa: 'qa',
  cases: 'cases',
  news: 'news',
};

const q = (s: string) => JSON.stringify(s);

export function template(kind: MdxCollection['name'], title: string, code: string, today: string): string {
  const head: Record<MdxCollection['name'], string[]> = {
    qa: [
      `title: ${q(title)}`,
      `answer: ${q(`${TODO}一句话回答这个问题，以句号结尾`)}`,
      `topics: [${TODO}]            # 从这些中选：基本概念、打击重点、举报、保护和奖励、财产处置、公职人员、校园和未成年人、基层治理、网络、行业和企业、法律责任、当事人权利、办案程序、国际合作、法律概况`,
      `audience: [居民]             # 可选：居民、企业经营者、学生和家长、村居干部、公职人员`,
      `keywords: [${TODO}]          # 群众平时会说的词，如 保护伞、靠山`,
      `published: ${today}`,
      `source: ${q(`${TODO}依据，如《中华人民共和国反有组织犯罪法》第六十一条`)}`,
    ],
    cases: [
      `title: ${q(title)}`,
      `summary: ${q(`${TODO}一句话摘要`)}`,
      `date: ${today}                # 原文的发布日期`,
      `scenario: false              # 为说明法律编写的例子写 true（页面会标“情景示例”），并删去 source`,
      `source:`,
      `  publisher: ${q(`${TODO}发布单位，如某某县人民法院`)}`,
      `  reference: ${q(`${TODO}原文标题或文号`)}`,
      `  # url: https://…            # 原文网址（可选）`,
      `articles: [${TODO}]          # 本案涉及的反有组织犯罪法条文序号，如 [2, 23]`,
      `keywords: []`,
    ],
    materials: [
      `title: ${q(title)}`,
      `kind: 海报                   # 资料类型：标语、明白卡、一封信、海报`,
      `summary: ${q(`${TODO}一句话说明这份资料`)}`,
      `quotes:                      # 要原文引用的条文（可选），如 - { article: 2, paragraph: 2 }`,
      `  - { article: ${TODO} }`,
      `points:                      # 要点：每条写 text（内容）和 basis（依据的条文）`,
      `  - text: ${q(`${TODO}用一句话写法律规定的要点`)}`,
      `    basis: [${TODO}]`,
      `channels: true               # 列出举报渠道（明白卡必须写 true）`,
      `published: ${today}`,
      `source: ${q(`${TODO}依据，如《中华人民共和国反有组织犯罪法》第二条`)}`,
    ],
    news: [
      `title: ${q(title)}`,
      `summary: ${q(`${TODO}一句话摘要`)}`,
      `date: ${today}`,
      `source:`,
      `  publisher: ${q(`${TODO}发布单位`)}`,
      `  reference: ${q(`${TODO}原文标题或文号`)}`,
      `articles: []`,
      `keywords: []`,
    ],
  };
  const body: Record<MdxCollection['name'], string> = {
    qa: `先用一两句大白话解释。\n\n<Cite article={${TODO}} />\n\n再说明这对群众意味着什么。\n`,
    cases: `用几句话写清楚案情（真实案例必须与来源一致）。\n\n法律怎样看这类行为：\n\n<Cite article={${TODO}} />\n`,
    news: `正文。每一个事实都要和来源一致。\n`,
    materials: `一两句话的说明（可选）。\n`,
  };
  return ['---', ...head[kind], `code: ${code}                   # 短码：海报二维码用，发布后不要改`, 'draft: true                  # 写完并检查无误后删去这一行，才会发布', '---', '', body[kind]].join('\n');
}
