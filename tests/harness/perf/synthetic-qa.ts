/**
 * Synthetic Q&A entries for the scale benchmark (`npm run bench:scale`). The text is
 * made-up placeholder Chinese, marked as such in every title and body; it is written to
 * a temporary folder only, never to content/. Deterministic: entry i is always the same.
 */
import { seededRandom } from '../../../src/lib/random.ts';

export interface SyntheticQaOptions {
  /** Allowed topic and audience values, taken from the Q&A schema so entries stay valid. */
  topics: readonly string[];
  audiences: readonly string[];
}

export interface SyntheticQa {
  slug: string;
  code: string;
  /** File name inside the qa/ folder. */
  file: string;
  /** The whole MDX file: frontmatter and body. */
  text: string;
}

/** Neutral everyday words, so the search index sees a realistic spread of terms. */
const WORDS = (
  '社区 村里 邻居 家人 学校 老师 学生 家长 商店 市场 工地 工厂 企业 老板 员工 司机 车辆 道路 河边 山上 ' +
  '早上 中午 晚上 周末 节日 春天 夏天 秋天 冬天 天气 下雨 晴天 道路 公园 广场 医院 银行 邮局 车站 码头 ' +
  '手机 电脑 网络 短信 电话 信件 照片 视频 录音 记录 日期 时间 地点 人员 事情 经过 原因 结果 办法 建议 ' +
  '问题 回答 说明 解释 例子 情况 条件 要求 程序 步骤 材料 证据 线索 意见 通知 公告 规定 制度 责任 权利 ' +
  '保护 帮助 支持 服务 联系 咨询 了解 学习 宣传 教育 讲解 阅读 打印 张贴 分发 收集 整理 核对 确认 保存 ' +
  '安全 平安 稳定 秩序 公平 公正 诚信 文明 和谐 团结 互助 关心 耐心 细心 认真 及时 准确 清楚 简单 方便 ' +
  '农田 果园 茶园 鱼塘 养殖 种植 收成 集市 庙会 乡镇 街道 小区 楼栋 门口 路口 桥头 村委会 居委会 网格员 志愿者'
).split(' ');

const SUFFIXES = [
  '怎么办',
  '是什么意思',
  '应该注意什么',
  '有什么规定',
  '可以找谁',
  '要准备什么',
  '会怎么处理',
  '有哪些情况',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const words = (r: () => number, n: number): string =>
  Array.from({ length: n }, () => pick(r, WORDS)).join('');
const sentence = (r: () => number): string =>
  `示例文字：${words(r, 4)}的${words(r, 3)}，${words(r, 5)}。`;
const paragraph = (r: () => number, n: number): string =>
  Array.from({ length: n }, () => sentence(r)).join('');

export const syntheticSlug = (i: number): string => `bench-${String(i).padStart(5, '0')}`;

/** "zz" and four base-36 digits: unique for i < 36⁴ and within the schema's 3–8 lowercase letters or digits. */
export function syntheticCode(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= 36 ** 4)
    throw new RangeError(`syntheticCode: index ${i} out of range 0…${36 ** 4 - 1}`);
  return 'zz' + i.toString(36).padStart(4, '0');
}

const yamlList = (items: readonly string[]): string =>
  `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;

/** Entry i of a set of n (related questions point at neighbours within the set). */
export function syntheticQa(i: number, n: number, opts: SyntheticQaOptions): SyntheticQa {
  if (opts.topics.length === 0 || opts.audiences.length === 0)
    throw new Error('syntheticQa: topics and audiences must not be empty');
  const r = seededRandom(i + 1);
  const slug = syntheticSlug(i);
  const code = syntheticCode(i);
  const title = `示例问题 ${i + 1}：${words(r, 2)}${pick(r, SUFFIXES)}？`;
  const answer = `示例回答：${words(r, 6)}。`.slice(0, 80);
  const day = 1 + (i % 28);
  const related = [(i + 1) % n, (i + 7) % n].filter((j) => j !== i).map(syntheticSlug);
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `answer: ${JSON.stringify(answer)}`,
    `topics: ${yamlList([pick(r, opts.topics)])}`,
    `audience: ${yamlList([pick(r, opts.audiences)])}`,
    `keywords: ${yamlList([words(r, 1), words(r, 1)])}`,
    `published: 2024-01-${String(day).padStart(2, '0')}`,
    `updated: 2024-02-${String(day).padStart(2, '0')}`,
    'source: 示例来源（基准测试用的占位文字）',
    `code: ${code}`,
    `related: ${yamlList(related)}`,
    '---',
  ].join('\n');
  const body = [
    paragraph(r, 3),
    `## ${words(r, 3)}`,
    paragraph(r, 4),
    Array.from({ length: 3 }, () => `- ${sentence(r)}`).join('\n'),
    paragraph(r, 3),
  ].join('\n\n');
  return { slug, code, file: `${slug}.mdx`, text: `${frontmatter}\n\n${body}\n` };
}
