import { createHash } from 'node:crypto';

/**
 * Share images (Open Graph): one per section, not one per page, so the build does no
 * image work however many pages there are. WeChat and most link-preview scrapers only
 * take PNG or JPEG, so the images are PNGs, rendered from the SVG template below by
 * `npm run share-images` (sharp, which Astro already installs) and committed in
 * public/share/. They are made once, not at every build, because rendering Chinese
 * text needs a CJK font on the build machine: a deployer's machine without one would
 * silently produce boxes instead of characters. The images name no deployment (only
 * the law and the section), so every deployment can use them. A unit test fails when
 * the template or the sections change and the PNGs were not made again.
 */

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const SHARE_IMAGE_DIR = '/share/';

export interface ShareSection {
  id: string;
  title: string;
  subtitle: string;
}

export const SHARE_SECTIONS: readonly ShareSection[] = [
  { id: 'site', title: '普法宣传', subtitle: '法律全文 · 通俗问答 · 举报渠道' },
  { id: 'law', title: '法律条文', subtitle: '全文九章七十七条，每一条都能单独查看' },
  { id: 'qa', title: '问答', subtitle: '什么是恶势力、保护伞，怎样安全举报' },
  { id: 'report', title: '我要举报', subtitle: '举报渠道、举报前的准备、举报人保护' },
  { id: 'quiz', title: '应知应会 自测', subtitle: '每次 10 道题，答完马上知道成绩' },
  { id: 'materials', title: '宣传资料', subtitle: '标语、明白卡和海报，可以直接打印' },
  { id: 'cases', title: '典型案例', subtitle: '用案例讲清楚法律规定' },
  { id: 'news', title: '工作动态', subtitle: '本地反有组织犯罪工作的消息' },
];

/** Which section's image a page uses, by its path below the base: /law/61/ → law. */
export function shareSectionFor(path: string): ShareSection {
  const first = /^\/([a-z]+)\//.exec(path)?.[1];
  return SHARE_SECTIONS.find((s) => s.id === first && s.id !== 'site') ?? SHARE_SECTIONS[0]!;
}

export const shareImagePath = (s: ShareSection): string => `${SHARE_IMAGE_DIR}${s.id}.png`;

/** Text the image shows, for og:image:alt. */
export const shareImageAlt = (s: ShareSection): string =>
  `反有组织犯罪法 ${s.title}：${s.subtitle}`;

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT =
  "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export function shareImageSvg(s: ShareSection): string {
  const { width: w, height: h } = SHARE_IMAGE_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<rect width="${w}" height="${h}" fill="#9e1b1b"/>
<rect x="0" y="${h - 120}" width="${w}" height="120" fill="#7d1414"/>
<rect x="80" y="150" width="12" height="250" fill="#ffd31a"/>
<g font-family="${FONT}" fill="#fff">
<text x="80" y="100" font-size="40" font-weight="700">中华人民共和国反有组织犯罪法</text>
<text x="125" y="265" font-size="112" font-weight="700">${esc(s.title)}</text>
<text x="125" y="365" font-size="46">${esc(s.subtitle)}</text>
<text x="80" y="${h - 48}" font-size="36">2022 年 5 月 1 日起施行 · 普法宣传</text>
</g>
</svg>
`;
}

/** Fingerprint of every section's SVG: recorded with the PNGs, compared by a test. */
export function shareTemplateHash(): string {
  const h = createHash('sha256');
  for (const s of SHARE_SECTIONS) h.update(s.id + '\0' + shareImageSvg(s) + '\0');
  return h.digest('hex').slice(0, 16);
}
