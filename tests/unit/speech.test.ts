import { describe, expect, it } from 'vitest';
import { splitSentences, type TextChunk } from '../../src/lib/speech/sentences.ts';
import { pickChineseVoice } from '../../src/lib/speech/voices.ts';

const texts = (chunks: TextChunk[], max?: number) => splitSentences(chunks, max).map((s) => s.text);

describe('splitSentences', () => {
  it('ends sentences at 。！？； and at the end of each block', () => {
    expect(
      texts([
        { text: '第六十一条', block: 0 },
        { text: '因举报而面临危险的，应当保护。可以采取下列措施：', block: 1 },
        { text: '（一）不公开真实姓名；', block: 2 },
        { text: '（二）禁止接触。', block: 3 },
      ]),
    ).toEqual([
      '第六十一条',
      '因举报而面临危险的，应当保护。',
      '可以采取下列措施：',
      '（一）不公开真实姓名；',
      '（二）禁止接触。',
    ]);
  });

  it('keeps a closing quote with its sentence and drops empty pieces', () => {
    expect(
      texts([
        { text: '他说：“快报警！”然后走了。  ', block: 0 },
        { text: '  ', block: 1 },
        { text: '——', block: 2 },
      ]),
    ).toEqual(['他说：“快报警！”', '然后走了。']);
  });

  it('maps each sentence back to its text nodes, across inline elements', () => {
    const chunks = [
      { text: '可以向', block: 0 },
      { text: '公安机关', block: 0 },
      { text: '报案。再见', block: 0 },
    ];
    const [first, second] = splitSentences(chunks);
    expect(first!.text).toBe('可以向公安机关报案。');
    expect(first!.parts).toEqual([
      { chunk: 0, start: 0, end: 3 },
      { chunk: 1, start: 0, end: 4 },
      { chunk: 2, start: 0, end: 3 },
    ]);
    expect(second!.parts).toEqual([{ chunk: 2, start: 3, end: 5 }]);
  });

  it('splits an overlong sentence after a comma, so speech engines do not stop half-way', () => {
    const long = '甲'.repeat(30) + '，' + '乙'.repeat(30) + '，' + '丙'.repeat(30) + '。';
    const out = texts([{ text: long, block: 0 }], 70);
    expect(out).toEqual(['甲'.repeat(30) + '，' + '乙'.repeat(30) + '，', '丙'.repeat(30) + '。']);
    expect(out.join('')).toBe(long);
  });

  it('counts offsets in UTF-16 units, as DOM ranges do', () => {
    const [s] = splitSentences([{ text: '𠮷字。', block: 0 }]);
    expect(s!.parts).toEqual([{ chunk: 0, start: 0, end: 4 }]);
  });
});

describe('pickChineseVoice', () => {
  const v = (lang: string, name = lang, extra: object = {}) => ({ lang, name, ...extra });
  it('prefers Mandarin for mainland China, then other Chinese voices, and never a non-Chinese one', () => {
    expect(pickChineseVoice([v('en-US'), v('zh-HK'), v('zh-TW'), v('zh-CN')])?.lang).toBe('zh-CN');
    expect(pickChineseVoice([v('en-US'), v('zh-HK'), v('zh-TW')])?.lang).toBe('zh-TW');
    expect(pickChineseVoice([v('en-US'), v('yue-HK')])?.lang).toBe('yue-HK');
    expect(pickChineseVoice([v('cmn_CN')])?.lang).toBe('cmn_CN');
    expect(pickChineseVoice([v('en-US'), v('fr-FR'), v('zu-ZA')])).toBeUndefined();
    expect(pickChineseVoice([])).toBeUndefined();
  });
  it('among mainland voices, prefers one on the device', () => {
    expect(
      pickChineseVoice([v('zh-CN', 'online'), v('zh-CN', 'local', { localService: true })])?.name,
    ).toBe('local');
  });
});
