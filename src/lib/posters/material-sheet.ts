import type { Channel } from '../content/channels.ts';
import { firstSentence } from '../channel-format.ts';
import { MAX_WEIGHT, textSize, textWeight, type TextSize } from './fit.ts';

/**
 * A material (宣传资料) on paper and on screen: the fixed sentences of the letter (一封信),
 * which channels a printed sheet carries, and the type size its text needs. Pure, so the
 * reading page, the poster page and the tests share one copy of each sentence and rule.
 */

/** The letter kind: its channels are part of the letter's text, not of the sheet's footer. */
export const LETTER_KIND = '一封信';

/** The sentences a letter adds around its own text (the MDX body and its points). */
export interface LetterText {
  greeting: string;
  /** Before the list of channels. */
  channelsIntro: string;
  emergency: string;
  sign: string;
  /** Left blank for the sender to date by hand. */
  date: string;
}

export function letterText(
  site: { region?: string; organization?: string },
  emergencyPhone: string,
): LetterText {
  return {
    greeting: site.region ? `${site.region}的居民朋友们：` : '居民朋友们：',
    channelsIntro: '发现涉黑涉恶线索，可以通过下面的渠道举报：',
    emergency: `紧急情况请立即拨打 ${emergencyPhone}。`,
    sign: site.organization || '（主办单位）',
    date: '年　　月　　日',
  };
}

/**
 * The channels a printed sheet lists: national ones as asked for, local ones only if
 * they are among the first few the sheet has room for (`localOnPrint`).
 */
export function printedChannels(
  channels: readonly Channel[],
  localOnPrint: readonly Channel[],
): Channel[] {
  return channels.filter((c) => c.jurisdiction !== 'local' || localOnPrint.includes(c));
}

/**
 * The channels in a sheet's footer. The letter lists its channels in the text (none in the
 * footer). Other materials with channels list them in the footer, always with 110 and the
 * 12337 platform, which every poster carries. Undefined: the poster's standard footer.
 */
export function footerChannels(
  kind: string,
  printed: readonly Channel[],
  all: {
    local: readonly Channel[];
    national: readonly Channel[];
    emergency: Channel;
    platform: Channel;
  },
): Channel[] | undefined {
  if (kind === LETTER_KIND || printed.length === 0) return undefined;
  return [
    ...all.local,
    ...all.national.filter((c) => c === all.emergency || c === all.platform || printed.includes(c)),
  ];
}

/** What the size rule needs to know of a material. */
export interface SheetContent {
  kind: string;
  slogans: ReadonlyArray<{ text: string; basis: ReadonlyArray<{ label: string }> }>;
  quotes: ReadonlyArray<{
    label: string;
    citation: {
      paragraphs: ReadonlyArray<{
        text: string;
        items: ReadonlyArray<{ label: string; text: string }>;
      }>;
    };
  }>;
  points: ReadonlyArray<{ text: string; basis: ReadonlyArray<{ label: string }> }>;
  /** The MDX body, for the letter. */
  body: string;
}

/**
 * The lines of text a sheet prints, for the size rule (src/lib/posters/fit.ts). Each
 * statement counts an extra line for its basis; the letter counts every line it prints,
 * with an editor component such as <Organization /> counted as a short name.
 */
export function sheetLines(
  m: SheetContent,
  printed: readonly Channel[],
  letter: LetterText,
): string[] {
  const basisText = (st: SheetContent['points'][number]) =>
    `（依据：${st.basis.map((b) => b.label).join('、')}）`;
  return [
    ...m.slogans.flatMap((st) => [st.text, basisText(st)]),
    ...m.quotes.flatMap((q) => [
      ...q.citation.paragraphs.flatMap((p) => [p.text, ...p.items.map((i) => i.label + i.text)]),
      q.label,
    ]),
    ...m.points.flatMap((st) => [st.text + basisText(st), '']),
    ...(m.kind === LETTER_KIND
      ? [
          letter.greeting,
          ...m.body.split(/\n\s*\n/).map((para) => para.replace(/<[^>]+>/g, '主办单位名称')),
          letter.channelsIntro,
          ...printed.flatMap((c) => [
            c.jurisdiction === 'local' ? c.name : c.name + firstSentence(c.purpose),
            c.phone ?? c.url ?? '',
          ]),
          letter.emergency,
          letter.sign,
          letter.date,
        ]
      : []),
  ];
}

/** The type size for a sheet, or an error for the editor naming the file when the text cannot fit one A4 sheet. */
export function sheetSize(file: string, lines: readonly string[]): TextSize {
  const size = textSize(lines);
  if (!size) {
    throw new Error(
      `${file}：文字太多，一张 A4 纸放不下（约 ${textWeight(lines)} 字，最多约 ${MAX_WEIGHT} 字；换行也算字数）。请精简要点（points）、引用（quotes）、标语（slogans）或正文。`,
    );
  }
  return size;
}
