import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import {
  DATA_FIELDS,
  MDX_FIELDS,
  SITE_FIELDS,
  type Field,
} from '../../scripts/editor/collections.ts';
import { channelSchema } from '../../src/lib/content/channels.ts';
import {
  caseSchema,
  glossaryEntrySchema,
  materialSchema,
  newsSchema,
  qaSchema,
  quizQuestionSchema,
  searchPageSchema,
} from '../../src/lib/content/schemas.ts';
import { siteConfigSchema } from '../../src/lib/config/schema.ts';
import { redirectSchema } from '../../src/lib/permalinks/redirects.ts';

/**
 * (Fields of an optional object, such as rewards in site.yaml, may be optional in the form:
 * the form cannot require them only when the object is filled in; the check still does.)
 *
 * The editor's fields (scripts/editor/collections.ts) against the zod schemas the content
 * check and the build use: every schema field must be in the form, with a widget of the
 * same type, the same allowed values and the same required-ness; every form field must
 * exist in the schema. A failure names the field.
 */

type Kind = {
  kind: string;
  required: boolean;
  values?: string[];
  item?: Kind;
  shape?: Record<string, Kind>;
  members?: Kind[];
};

function describeZod(s: z.ZodType, required = true): Kind {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal definition, read field by field below
  const def = (s as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
      return describeZod(def.innerType, false);
    case 'pipe':
      return describeZod(def.in, required);
    case 'union': {
      const members = (def.options as z.ZodType[]).map((o) => describeZod(o));
      if (members.some((m) => m.kind === 'date')) return { kind: 'date', required };
      if (
        members.every((m) => m.kind === 'string' || m.kind === 'number') &&
        members.some((m) => m.kind === 'string')
      )
        return { kind: 'string', required };
      return { kind: 'union', required, members };
    }
    case 'enum':
      return {
        kind: 'enum',
        required,
        values: Object.values(def.entries as Record<string, string>),
      };
    case 'array':
      return { kind: 'array', required, item: describeZod(def.element) };
    case 'object':
      return {
        kind: 'object',
        required,
        shape: Object.fromEntries(
          Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [
            k,
            describeZod(v),
          ]),
        ),
      };
    default:
      return { kind: def.type, required };
  }
}

const values = (f: Field) => (f.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
const EDITOR_ONLY = new Set(['__check', 'body']);

/** Problems, each naming the field, when `fields` do not match the schema `shape`. */
function compare(
  where: string,
  shape: Record<string, Kind>,
  fields: Field[],
  optionalParent = false,
): string[] {
  const out: string[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [name, k] of Object.entries(shape)) {
    const f = byName.get(name);
    const at = `${where}.${name}`;
    if (!f) {
      out.push(`${at}: in the schema but not in the editor`);
      continue;
    }
    if (
      k.required &&
      !optionalParent &&
      f.required === false &&
      f.default === undefined &&
      f.widget !== 'short-code'
    )
      out.push(`${at}: required in the schema, optional in the editor`);
    if (!k.required && f.required !== false)
      out.push(`${at}: optional in the schema, required in the editor`);
    out.push(...matchKind(at, k, f));
  }
  for (const f of fields)
    if (!EDITOR_ONLY.has(f.name) && !(f.name in shape))
      out.push(`${where}.${f.name}: in the editor but not in the schema`);
  return out;
}

function matchKind(at: string, k: Kind, f: Field): string[] {
  const widget = f.widget;
  const bad = (want: string) => [
    `${at}: schema type ${k.kind} needs ${want}, editor has widget ${widget}`,
  ];
  switch (k.kind) {
    case 'string':
      return ['string', 'text', 'relation', 'short-code', 'select'].includes(widget)
        ? []
        : bad('a text widget');
    case 'number':
      return widget === 'number' ? [] : bad('number');
    case 'boolean':
      return widget === 'boolean' ? [] : bad('boolean');
    case 'date':
      return widget === 'datetime' ? [] : bad('datetime');
    case 'enum': {
      if (widget !== 'select' || f.multiple) return bad('select');
      const v = values(f);
      return JSON.stringify(v) === JSON.stringify(k.values)
        ? []
        : [`${at}: allowed values differ: schema ${k.values!.join('、')}; editor ${v.join('、')}`];
    }
    case 'array': {
      const item = k.item!;
      if (item.kind === 'enum') {
        if (widget !== 'select' || !f.multiple) return bad('select with multiple: true');
        const v = values(f);
        return JSON.stringify(v) === JSON.stringify(item.values)
          ? []
          : [
              `${at}: allowed values differ: schema ${item.values!.join('、')}; editor ${v.join('、')}`,
            ];
      }
      if (widget === 'relation' && f.multiple && item.kind === 'string') return [];
      if (widget !== 'list') return bad('list');
      if (item.kind === 'object')
        return f.fields
          ? compare(at, item.shape!, f.fields)
          : [`${at}: list of objects needs fields`];
      if (item.kind === 'string')
        return f.field || f.fields ? [`${at}: list of text should be a plain list`] : [];
      return f.field
        ? matchKind(`${at}[]`, item, f.field)
        : [`${at}: list of ${item.kind} needs a field`];
    }
    case 'object':
      return widget === 'object' && f.fields
        ? compare(at, k.shape!, f.fields, !k.required)
        : bad('object with fields');
    case 'union': {
      if (widget === 'citation')
        return k.members!.some((m) => m.kind === 'number') &&
          k.members!.some((m) => m.kind === 'object')
          ? []
          : bad('citation');
      return k.members!.some((m) => matchKind(at, m, f).length === 0)
        ? []
        : bad(k.members!.map((m) => m.kind).join(' or '));
    }
    default:
      return bad(`a widget for ${k.kind}`);
  }
}

const shapeOf = (s: z.ZodType) => describeZod(s).shape!;

describe('editor fields match the zod schemas', () => {
  const cases: Array<[string, z.ZodType, Field[]]> = [
    [
      'qa',
      qaSchema,
      [
        ...MDX_FIELDS.qa,
        { name: 'code', label: '', widget: 'short-code' },
        { name: 'draft', label: '', widget: 'boolean', required: false },
      ],
    ],
    [
      'cases',
      caseSchema,
      [
        ...MDX_FIELDS.cases,
        { name: 'code', label: '', widget: 'short-code' },
        { name: 'draft', label: '', widget: 'boolean', required: false },
      ],
    ],
    [
      'news',
      newsSchema,
      [
        ...MDX_FIELDS.news,
        { name: 'code', label: '', widget: 'short-code' },
        { name: 'draft', label: '', widget: 'boolean', required: false },
      ],
    ],
    [
      'materials',
      materialSchema,
      [
        ...MDX_FIELDS.materials,
        { name: 'code', label: '', widget: 'short-code' },
        { name: 'draft', label: '', widget: 'boolean', required: false },
      ],
    ],
    ['site.yaml', siteConfigSchema, SITE_FIELDS],
    ['glossary.yaml', glossaryEntrySchema, DATA_FIELDS['content/glossary.yaml']],
    ['quiz.yaml', quizQuestionSchema, DATA_FIELDS['content/quiz.yaml']],
    ['search-pages.yaml', searchPageSchema, DATA_FIELDS['content/search-pages.yaml']],
    ['redirects.yaml', redirectSchema, DATA_FIELDS['content/redirects.yaml']],
  ];
  it.each(cases)('%s', (name, schema, fields) => {
    expect(compare(name, shapeOf(schema), fields)).toEqual([]);
  });
  it('channels.yaml (channel schema plus id)', () => {
    expect(
      compare(
        'channels.yaml',
        { id: { kind: 'string', required: true }, ...shapeOf(channelSchema) },
        DATA_FIELDS['content/channels.yaml'],
      ),
    ).toEqual([]);
  });
  it('names the field when the editor drifts from the schema', () => {
    const drifted = MDX_FIELDS.qa
      .filter((f) => f.name !== 'answer')
      .map((f) =>
        f.name === 'topics' ? { ...f, options: [{ label: '治安', value: '治安' }] } : f,
      );
    const problems = compare('qa', shapeOf(qaSchema), [
      ...drifted,
      { name: 'code', label: '', widget: 'short-code' },
      { name: 'draft', label: '', widget: 'boolean', required: false },
    ]);
    expect(problems).toContain('qa.answer: in the schema but not in the editor');
    expect(problems.some((p) => p.startsWith('qa.topics: allowed values differ'))).toBe(true);
  });
});
