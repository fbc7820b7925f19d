import { describe, expect, it } from 'vitest';
import { EXTERNAL_REL, footerContact, telHref, webLabel } from '../../src/lib/channel-format.ts';
import type { Channel } from '../../src/lib/content/channels.ts';
import { textWeight } from '../../src/lib/posters/fit.ts';
import {
  footerChannels,
  LETTER_KIND,
  letterText,
  printedChannels,
  sheetLines,
  sheetSize,
} from '../../src/lib/posters/material-sheet.ts';

const channel = (over: Partial<Channel>): Channel => ({
  name: '渠道',
  kind: 'phone',
  purpose: '举报线索。其他说明。',
  dial: true,
  jurisdiction: 'national',
  source: '测试数据',
  verified: new Date('2026-11-22'),
  exceptions: [],
  ...over,
});
const emergency = channel({ name: '110', phone: '110' });
const platform = channel({ name: '12337', kind: 'online', url: 'https://www.12337.gov.cn/' });
const other = channel({ name: '12388', phone: '12388' });
const local1 = channel({ name: '本地一', phone: '0000-00000000', jurisdiction: 'local' });
const local2 = channel({ name: '本地二', phone: '0000-0000000', jurisdiction: 'local' });
const local3 = channel({ name: '本地三', phone: '0000-000000', jurisdiction: 'local' });
const all = {
  local: [local1, local2],
  national: [emergency, platform, other],
  emergency,
  platform,
};

describe('channel formatting', () => {
  it('dials digits only, and never a channel marked dial: false', () => {
    expect(telHref({ phone: '0871-12345678', dial: true })).toBe('tel:087112345678');
    expect(telHref({ phone: '110', dial: true })).toBe('tel:110');
    expect(telHref({ phone: '12389', dial: false })).toBeUndefined();
    expect(telHref({ dial: true })).toBeUndefined();
  });

  it('sends no referrer to other sites', () => {
    expect(EXTERNAL_REL).toBe('noreferrer');
  });

  it('shows a platform by its web address and a phone channel by its number', () => {
    expect(footerContact(platform)).toBe('www.12337.gov.cn');
    expect(footerContact(channel({ kind: 'online', how: '搜索“12337”' }))).toBe('搜索“12337”');
    expect(footerContact(other)).toBe('12388');
    expect(webLabel(platform)).toBe('网上平台');
    expect(webLabel(other)).toBe('网站');
  });
});

describe('the letter', () => {
  it('greets the region and signs with the organization when the config has them', () => {
    const t = letterText({ region: '某某县', organization: '某某县委政法委员会' }, '110');
    expect(t.greeting).toBe('某某县的居民朋友们：');
    expect(t.sign).toBe('某某县委政法委员会');
    expect(t.emergency).toBe('紧急情况请立即拨打 110。');
  });

  it('leaves a placeholder signature and a general greeting when they are not set', () => {
    const t = letterText({ region: '', organization: '' }, '110');
    expect(t.greeting).toBe('居民朋友们：');
    expect(t.sign).toBe('（主办单位）');
  });
});

describe('channels on a printed sheet', () => {
  it('keeps national channels and only the local ones the sheet has room for', () => {
    expect(printedChannels([local1, local2, local3, other], [local1, local2])).toEqual([
      local1,
      local2,
      other,
    ]);
  });

  it('lists a material’s channels in the footer with 110 and 12337, but a letter’s in its text', () => {
    expect(footerChannels('明白卡', [other], all)).toEqual([
      local1,
      local2,
      emergency,
      platform,
      other,
    ]);
    expect(footerChannels('明白卡', [], all)).toBeUndefined();
    expect(footerChannels(LETTER_KIND, [other], all)).toBeUndefined();
  });
});

describe('the size of a material’s text', () => {
  const statement = (text: string, ...labels: string[]) => ({
    text,
    basis: labels.map((label) => ({ label })),
  });
  const quote = {
    label: '第七条',
    citation: {
      paragraphs: [
        { text: '任何单位和个人都有协助的义务。', items: [{ label: '（一）', text: '一项' }] },
      ],
    },
  };
  const material = {
    kind: '明白卡',
    slogans: [statement('标语', '第八条')],
    quotes: [quote],
    points: [statement('要点', '第七条', '第八条')],
    body: '',
  };

  it('counts each statement with its basis, and each quoted paragraph and item', () => {
    expect(sheetLines(material, [], letterText({}, '110'))).toEqual([
      '标语',
      '（依据：第八条）',
      '任何单位和个人都有协助的义务。',
      '（一）一项',
      '第七条',
      '要点（依据：第七条、第八条）',
      '',
    ]);
  });

  it('counts every line a letter prints: the same sentences the letter component shows', () => {
    const letter = letterText({ region: '某某县', organization: '' }, '110');
    const body = '第一段，<Organization />写信。\n\n第二段。';
    const lines = sheetLines(
      { ...material, slogans: [], quotes: [], points: [], kind: LETTER_KIND, body },
      [platform, local1],
      letter,
    );
    expect(lines).toEqual([
      letter.greeting,
      '第一段，主办单位名称写信。',
      '第二段。',
      letter.channelsIntro,
      '12337举报线索',
      'https://www.12337.gov.cn/',
      '本地一',
      '0000-00000000',
      letter.emergency,
      letter.sign,
      letter.date,
    ]);
    // Blank space does not count: the full-width spaces of the date line are left out.
    expect(textWeight([letter.date])).toBe(3 + textWeight(['']));
  });

  it('picks a size, or names the file when the text cannot fit one sheet', () => {
    expect(sheetSize('content/materials/x.mdx', ['短'])).toBe('t1');
    expect(() => sheetSize('content/materials/x.mdx', ['字'.repeat(2000)])).toThrow(
      /content\/materials\/x\.mdx：文字太多/,
    );
  });
});
