import { itemLabel, toChineseNumeral } from './numerals.ts';
import { findArticle } from './parse.ts';
import { LAWS, LAW_IDS, lawIdFromName, type LawId } from './registry.ts';
import type { Law, LawArticle, LawItem, LawParagraph } from './types.ts';

/**
 * Resolves a citation such as <Cite article={61} item={1} /> against the parsed law data.
 * Used by the Cite component when rendering and by the content check before the build,
 * so an impossible citation fails with the same message in both places.
 */

export interface CitationRequest {
  law?: string | undefined;
  article: unknown;
  paragraph?: unknown;
  item?: unknown;
}

export interface ResolvedCitation {
  lawId: LawId;
  article: LawArticle;
  /** The paragraphs to show; one when a paragraph or item was asked for. */
  paragraphs: LawParagraph[];
  /** Set when a single item was asked for. */
  item?: LawItem | undefined;
  /** 第六十一条第一款第（一）项 */
  label: string;
  href: string;
}

export type CitationResult = { ok: true; value: ResolvedCitation } | { ok: false; message: string };

const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;

export function resolveCitation(laws: Record<LawId, Law>, req: CitationRequest): CitationResult {
  const lawId = lawIdFromName(req.law);
  if (!lawId) {
    const names = LAW_IDS.map((id) => `“${LAWS[id].names[2] ?? id}”`).join('、');
    return {
      ok: false,
      message: `不认识的法律名称 law="${req.law}"；可以写 ${names}，不写则默认为反有组织犯罪法`,
    };
  }
  const meta = LAWS[lawId];
  const law = laws[lawId];
  const available = () => {
    const nums = law.articles.map((a) => a.number);
    return nums.length > 12 ? `第 ${nums[0]}–${nums.at(-1)} 条` : `第 ${nums.join('、')} 条`;
  };
  if (!isPositiveInt(req.article)) {
    return {
      ok: false,
      message: `引用条文时 article 应为正整数，如 article={61}；实际写的是 ${JSON.stringify(req.article)}`,
    };
  }
  const article = findArticle(law, req.article);
  if (!article) {
    return {
      ok: false,
      message: `《${meta.fullName}》没有第 ${req.article} 条（本站收录的是${available()}）`,
    };
  }

  let paragraphs = article.paragraphs;
  let label = article.label;
  if (req.paragraph !== undefined) {
    if (!isPositiveInt(req.paragraph))
      return { ok: false, message: `paragraph 应为正整数，如 paragraph={2}` };
    const p = article.paragraphs[req.paragraph - 1];
    if (!p) {
      return {
        ok: false,
        message: `《${meta.fullName}》${article.label}只有 ${article.paragraphs.length} 款，没有第 ${req.paragraph} 款`,
      };
    }
    paragraphs = [p];
    label += `第${toChineseNumeral(req.paragraph)}款`;
  }

  let item: LawItem | undefined;
  if (req.item !== undefined) {
    if (!isPositiveInt(req.item)) return { ok: false, message: `item 应为正整数，如 item={1}` };
    const withItems = paragraphs.filter((p) => p.items.length > 0);
    if (withItems.length === 0) {
      return {
        ok: false,
        message: `《${meta.fullName}》${label}没有分项（一）（二）……，不能引用 item`,
      };
    }
    if (withItems.length > 1) {
      return {
        ok: false,
        message: `《${meta.fullName}》${label}有多款带分项，请同时写明 paragraph={…}`,
      };
    }
    const p = withItems[0]!;
    item = p.items[req.item - 1];
    if (!item) {
      return {
        ok: false,
        message: `《${meta.fullName}》${label}只有 ${p.items.length} 项，没有第${itemLabel(req.item)}项`,
      };
    }
    if (req.paragraph === undefined && article.paragraphs.length > 1)
      label += `第${toChineseNumeral(p.number)}款`;
    label += `第${item.label}项`;
    paragraphs = [p];
  }

  return {
    ok: true,
    value: { lawId, article, paragraphs, item, label, href: meta.articlePath(article.number) },
  };
}
