import { getCollection, type CollectionEntry } from 'astro:content';
import { formatProblem, type ContentProblem } from '../lib/errors/error-map.ts';
import { MATERIAL_KINDS, type Citation, type MaterialData } from '../lib/content/schemas.ts';
import { resolveCitation, type ResolvedCitation } from '../lib/law/cite.ts';
import { LAWS } from '../lib/law/registry.ts';
import { materialPath } from '../lib/routes.ts';
import type { Channel } from '../lib/content/channels.ts';
import { getLaws } from './law.ts';
import { getPrintChannels } from './channels.ts';

/** 宣传资料 with their law citations resolved against the law data. */

export interface ResolvedBasis {
  /** 第七条, or 刑事诉讼法第一百一十一条第三款 for another law. */
  label: string;
  href: string;
  citation: ResolvedCitation;
}

export interface Statement {
  text: string;
  basis: ResolvedBasis[];
}

export interface Material {
  slug: string;
  path: string;
  /** The source file, e.g. content/materials/mingbaika.mdx. */
  file: string;
  entry: CollectionEntry<'materials'>;
  data: MaterialData;
  points: Statement[];
  slogans: Statement[];
  quotes: ResolvedBasis[];
  /** Reporting channels to list: every local one first, then the national ones asked for. */
  channels: Channel[];
}

export class MaterialError extends Error {
  constructor(problems: ContentProblem[]) {
    super(
      ['宣传资料有误，请修改后重试：', ...problems.map((p) => '  - ' + formatProblem(p))].join(
        '\n',
      ),
    );
    this.name = 'MaterialError';
  }
}

const visible = (e: CollectionEntry<'materials'>) => !e.data.draft || import.meta.env.DEV;

let cache: Promise<Material[]> | undefined;

async function load(): Promise<Material[]> {
  const laws = await getLaws();
  const printChannels = await getPrintChannels();
  const entries = await getCollection('materials', visible);
  const problems: ContentProblem[] = [];

  const resolve = (file: string, field: string, c: Citation): ResolvedBasis | undefined => {
    const req = typeof c === 'number' ? { article: c } : c;
    const r = resolveCitation(laws, req);
    if (!r.ok) {
      problems.push({ file, where: `字段 ${field}`, message: r.message });
      return undefined;
    }
    const v = r.value;
    const label =
      v.lawId === 'aocl' ? v.label : LAWS[v.lawId].fullName.replace('中华人民共和国', '') + v.label;
    return { label, href: v.href, citation: v };
  };
  const statements = (file: string, field: string, list: MaterialData['points']): Statement[] =>
    list.map((s, i) => ({
      text: s.text,
      basis: s.basis
        .map((c, j) => resolve(file, `${field}[${i}].basis[${j}]`, c))
        .filter((b): b is ResolvedBasis => !!b),
    }));

  const channels = (file: string, wanted: MaterialData['channels']): Channel[] => {
    if (wanted === false) return [];
    if (wanted === true) return [...printChannels.allLocal, ...printChannels.national];
    const national = new Map(printChannels.nationalById);
    const picked = wanted.flatMap((id, i) => {
      const c = national.get(id);
      if (!c)
        problems.push({
          file,
          where: `字段 channels[${i}]`,
          message: `content/channels.yaml 里没有编号为“${id}”的全国渠道；可以写：${[...national.keys()].join('、')}`,
        });
      return c ? [c] : [];
    });
    return [...printChannels.allLocal, ...picked];
  };

  const materials = entries.map((entry) => {
    const file = entry.filePath ?? `content/materials/${entry.id}.mdx`;
    return {
      slug: entry.id,
      path: materialPath(entry.id),
      file,
      entry,
      data: entry.data,
      points: statements(file, 'points', entry.data.points),
      slogans: statements(file, 'slogans', entry.data.slogans),
      quotes: entry.data.quotes
        .map((c, i) => resolve(file, `quotes[${i}]`, c))
        .filter((b): b is ResolvedBasis => !!b),
      channels: channels(file, entry.data.channels),
    };
  });
  if (problems.length) throw new MaterialError(problems);

  const kindIndex = (m: Material) => MATERIAL_KINDS.indexOf(m.data.kind);
  return materials.sort(
    (a, b) =>
      kindIndex(a) - kindIndex(b) || a.data.order - b.data.order || a.slug.localeCompare(b.slug),
  );
}

export function getMaterials(): Promise<Material[]> {
  cache ??= load();
  return cache;
}

/** getStaticPaths of the pages made per material (its reading page and its poster): one per slug. */
export async function materialStaticPaths(): Promise<
  Array<{ params: { slug: string }; props: { material: Material } }>
> {
  return (await getMaterials()).map((material) => ({
    params: { slug: material.slug },
    props: { material },
  }));
}
