import type { WordingHit } from '../exceptions.ts';
import { lineOfPhrase, sentencesOf } from '../sentences.ts';
import type { TextUnit } from '../text-units.ts';

/**
 * The rules of content/GUIDE.md on the text readers see (outside quoted law):
 * - no phone number but the national channels' and the deployer's (content/site.yaml):
 *   a mobile number, a fixed-line number, or a 3–6 digit number right after a calling word;
 * - 12337 is an online platform: never with a calling word in the same sentence;
 * - no amount of money in a sentence about rewards.
 * Phone numbers and amounts may be excepted (exceptions.ts); 12337 never.
 */

const MOBILE_RE = /(?<![\d-])1\d{10}(?!\d)/g;
const FIXED_RE = /(?<![\d-])0\d{2,3}-?\d{7,8}(?!\d)/g;
const SERVICE_RE = /(?:拨打|致电|电话|热线|打)[：:\s“"]*(\d{3,6})(?![\d-])/g;
const CALLING_RE = /拨打|致电|热线|电话/g;
/** "不是电话号码", "不能拨打": saying what 12337 is not is allowed. */
const NEGATED_RE = /(?:不是|不能|不要|不用|无需|没有|并非|不可)[^，。；,]{0,2}$/;
const MONEY_RE = /(?:\d[\d,，.]*\s*(?:多|余)?\s*(?:[万千]?元|万|千)|[一二三四五六七八九十两][零〇一二三四五六七八九十百千万两]*(?:多|余)?(?:[万千]?元|万|千))/g;
const REWARD_RE = /奖/;

const where = (u: TextUnit, line: number | undefined) => [line ? `第 ${line} 行` : undefined, u.where].filter(Boolean).join(' · ') || undefined;
const digits = (s: string) => s.replace(/\D/g, '');

export function wordingHits(units: TextUnit[], allowedPhones: ReadonlySet<string>): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const u of units) {
    for (const s of sentencesOf(u)) {
      const hit = (rule: WordingHit['rule'], phrase: string, index: number, message: string) =>
        hits.push({ file: u.file, where: where(u, lineOfPhrase(s, index)), message, rule, phrase, sentence: s.text });
      const seen = new Set<string>();
      const phone = (number: string, index: number) => {
        if (seen.has(number) || allowedPhones.has(digits(number)) || digits(number) === '12337') return;
        seen.add(number);
        hit(
          '电话号码',
          number,
          index,
          `正文里不能写电话号码“${number}”：它不是全国举报渠道的号码。本地电话请由部署单位写进 content/site.yaml 的 channels，网站会在“我要举报”页列出；确有官方来源要引用的，请在字段区写 exceptions（rule: 电话号码）并注明出处`,
        );
      };
      for (const m of s.text.matchAll(MOBILE_RE)) phone(m[0], m.index);
      for (const m of s.text.matchAll(FIXED_RE)) phone(m[0], m.index);
      for (const m of s.text.matchAll(SERVICE_RE)) phone(m[1]!, m.index);

      const at12337 = s.text.indexOf('12337');
      if (at12337 >= 0) {
        for (const m of s.text.matchAll(CALLING_RE)) {
          if (NEGATED_RE.test(s.text.slice(0, m.index))) continue;
          hits.push({
            file: u.file,
            where: where(u, lineOfPhrase(s, at12337)),
            rule: null,
            phrase: m[0],
            sentence: s.text,
            message: `12337 是网上举报平台，不是电话号码：同一句里不能写“${m[0]}”。请写成“登录 12337 举报平台”“扫描 12337 二维码”或“访问 www.12337.gov.cn”`,
          });
          break;
        }
      }

      if (REWARD_RE.test(s.text)) {
        for (const m of s.text.matchAll(MONEY_RE)) {
          hit(
            '奖励金额',
            m[0].trim(),
            m.index,
            `讲奖励的句子里不能写金额“${m[0].trim()}”：法律只规定“按照国家有关规定给予表彰、奖励”（第八条），没有全国统一的金额。本地奖励办法由部署单位写进 content/site.yaml 的 rewards；引用有官方来源的本地办法时，请在字段区写 exceptions（rule: 奖励金额）并注明出处`,
          );
        }
      }
    }
  }
  return hits;
}
