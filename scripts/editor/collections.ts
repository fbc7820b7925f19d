import { CHANNEL_KINDS, CHANNEL_KIND_LABELS } from '../../src/lib/content/channels.ts';
import { EXCEPTION_RULES } from '../../src/lib/content/exceptions.ts';
import { AUDIENCES, MATERIAL_KINDS, TOPICS } from '../../src/lib/content/schemas.ts';

/**
 * What the editor shows: Decap CMS collections and fields, labelled in Chinese with the
 * words of content/GUIDE.md. Allowed values (topics, audiences, kinds) are imported from
 * the zod schemas, and tests/unit/editor-fields.test.ts compares every field here with
 * the schema it writes, naming the field when they drift.
 */

export interface Field {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: Array<string | { label: string; value: string }>;
  multiple?: boolean;
  fields?: Field[];
  field?: Field;
  pattern?: [string, string];
  value_type?: string;
  [k: string]: unknown;
}

const opt = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
const date = (name: string, label: string, hint: string, required = true): Field => ({
  name,
  label,
  hint,
  required,
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
});
const text = (name: string, label: string, hint = '', required = true): Field => ({
  name,
  label,
  hint,
  required,
  widget: 'string',
});
const words = (name: string, label: string, hint: string): Field => ({
  name,
  label,
  hint,
  required: false,
  widget: 'list',
  default: [],
});
const articles = (required: boolean): Field => ({
  name: 'articles',
  label: '相关条文',
  required,
  widget: 'list',
  field: {
    name: 'article',
    label: '条文序号',
    widget: 'number',
    value_type: 'int',
    min: 1,
    max: 77,
  },
  hint: '本篇涉及的反有组织犯罪法条文序号，如 2、23。这些条文的页面会自动链接回来',
});

/** Sourced exceptions to the wording rules (content/GUIDE.md, 例外：有出处的特殊说法). */
const exceptions: Field = {
  name: 'exceptions',
  label: '规则例外（有出处的特殊说法）',
  widget: 'list',
  required: false,
  summary: '{{fields.rule}}：{{fields.phrase}}',
  hint: '一般不填。引用有官方出处的说法、检查却不让写时才填：选规则，写正文里的原话和出处',
  fields: [
    { name: 'rule', label: '规则', widget: 'select', options: opt(Object.keys(EXCEPTION_RULES)) },
    text('phrase', '原话', '正文里的原话，一字不差'),
    text('reason', '出处', '如：引自某某县扫黑办 2026 年 5 月 1 日《涉黑涉恶线索举报奖励办法》'),
  ],
};

/** The check result and the preview link: not a field of the file (never written). */
export const CHECK_FIELD: Field = {
  name: '__check',
  label: '检查结果',
  widget: 'content-check',
  required: false,
};
const code: Field = {
  name: 'code',
  label: '短码',
  widget: 'short-code',
  hint: '自动生成，海报二维码用；发布后不要改',
};
const draft: Field = {
  name: 'draft',
  label: '草稿（不发布）',
  widget: 'boolean',
  default: true,
  required: false,
  hint: '写完并检查无误后关掉，才会发布。检查没有通过的内容会一直是草稿',
};
const body: Field = {
  name: 'body',
  label: '正文',
  widget: 'mdx-body',
  hint: '引用法律、情景示例、主办单位和地区，请用正文上方的按钮插入',
};
const source: Field = {
  name: 'source',
  label: '来源',
  widget: 'object',
  collapsed: false,
  hint: '真实的案例和动态必须写来源',
  fields: [
    text('publisher', '发布单位', '如某某县人民法院'),
    text('reference', '原文标题或文号'),
    {
      ...text('url', '原文网址（可选）', '以 http:// 或 https:// 开头', false),
      pattern: ['^https?://', '网址应以 http:// 或 https:// 开头'],
    },
  ],
};

const mdx = (name: string, label: string, labelSingular: string, fields: Field[]) => ({
  name,
  label,
  label_singular: labelSingular,
  folder: `content/${name}`,
  extension: 'mdx',
  format: 'frontmatter',
  create: true,
  delete: false,
  editor: { preview: false },
  preview_path: `${name}/{{slug}}/`,
  slug: '{{fields.code}}',
  identifier_field: 'title',
  summary: '{{title}}',
  sortable_fields: ['title'],
  fields: [CHECK_FIELD, ...fields, code, draft, body],
});

export const MDX_FIELDS = {
  qa: [
    {
      ...text('title', '问题', '以问号“？”结尾，如：什么是保护伞？'),
      pattern: ['[？?]$', '问题标题应以问号“？”结尾'],
    },
    {
      ...text('answer', '一句话回答', '最先显示，也是搜索结果里的摘要（80 字以内）'),
      widget: 'text',
      pattern: ['^[\\s\\S]{1,80}$', '一句话回答请控制在 80 字以内'],
    },
    {
      name: 'topics',
      label: '主题',
      widget: 'select',
      multiple: true,
      min: 1,
      options: opt(TOPICS),
      hint: '可以选多个',
    },
    {
      name: 'audience',
      label: '读者对象',
      widget: 'select',
      multiple: true,
      min: 1,
      options: opt(AUDIENCES),
      default: ['居民'],
    },
    words(
      'keywords',
      '搜索用词',
      '群众平时会说的词，帮助搜索（不要照抄标题），用逗号隔开，如：保护伞, 靠山, 后台',
    ),
    date('published', '发布日期', '年-月-日'),
    date('updated', '更新日期', '不能早于发布日期（可不填）', false),
    text('source', '依据', '如《中华人民共和国反有组织犯罪法》第六十一条'),
    {
      name: 'related',
      label: '相关问答',
      widget: 'relation',
      collection: 'qa',
      search_fields: ['title'],
      value_field: '{{slug}}',
      display_fields: ['title'],
      multiple: true,
      required: false,
      hint: '可不选',
    },
    exceptions,
  ],
  cases: [
    text('title', '标题'),
    { ...text('summary', '一句话摘要', '120 字以内'), widget: 'text' },
    date('date', '日期', '原文的发布日期（情景示例写编写日期）'),
    {
      name: 'scenario',
      label: '情景示例',
      widget: 'boolean',
      default: false,
      required: false,
      hint: '为说明法律编写的例子打开（页面会标“情景示例”），此时不写来源',
    },
    { ...source, required: false },
    articles(true),
    words('keywords', '搜索用词', '用逗号隔开'),
    exceptions,
  ],
  news: [
    text('title', '标题'),
    { ...text('summary', '一句话摘要', '120 字以内'), widget: 'text' },
    date('date', '日期', '年-月-日'),
    source,
    articles(false),
    words('keywords', '搜索用词', '用逗号隔开'),
    exceptions,
  ],
  materials: [
    text('title', '标题'),
    { name: 'kind', label: '资料类型', widget: 'select', options: opt(MATERIAL_KINDS) },
    { ...text('summary', '一句话说明', '80 字以内'), widget: 'text' },
    {
      name: 'order',
      label: '排序',
      widget: 'number',
      value_type: 'int',
      required: false,
      hint: '同类资料里数字小的排在前面，不填为 100',
    },
    {
      name: 'quotes',
      label: '原文引用的条文',
      widget: 'list',
      required: false,
      field: { name: 'cite', label: '条文', widget: 'citation' },
      hint: '从法律原文里取，一字不差',
    },
    {
      name: 'points',
      label: '要点',
      widget: 'list',
      required: false,
      fields: [
        { ...text('text', '内容'), widget: 'text' },
        {
          name: 'basis',
          label: '依据的条文',
          widget: 'list',
          field: { name: 'cite', label: '条文', widget: 'citation' },
        },
      ],
    },
    {
      name: 'slogans',
      label: '标语',
      widget: 'list',
      required: false,
      fields: [
        text('text', '标语'),
        {
          name: 'basis',
          label: '依据的条文',
          widget: 'list',
          field: { name: 'cite', label: '条文', widget: 'citation' },
        },
      ],
      hint: '只有“标语”类资料才写',
    },
    {
      name: 'channels',
      label: '列出举报渠道',
      widget: 'boolean',
      required: false,
      default: false,
      hint: '明白卡必须打开',
    },
    date('published', '发布日期', '年-月-日'),
    date('updated', '更新日期', '可不填', false),
    text('source', '依据'),
    exceptions,
  ],
} satisfies Record<string, Field[]>;

const channelFields: Field[] = [
  text('name', '名称'),
  {
    name: 'kind',
    label: '渠道类型',
    widget: 'select',
    options: CHANNEL_KINDS.map((k) => ({ label: CHANNEL_KIND_LABELS[k], value: k })),
  },
  { ...text('purpose', '用途'), widget: 'text' },
  text('how', '怎样使用', '用文字说明怎样联系', false),
  text('phone', '电话', '如 0871-12345678；网上平台不写', false),
  text('url', '网址', '以 https:// 开头', false),
  {
    name: 'dial',
    label: '可以直接拨打',
    widget: 'boolean',
    required: false,
    default: true,
    hint: '电话渠道：手机上显示“拨打”按钮',
  },
  text('address', '地址', '', false),
  text('hours', '办理时间', '', false),
  {
    name: 'jurisdiction',
    label: '范围',
    widget: 'select',
    required: false,
    options: [
      { label: '全国', value: 'national' },
      { label: '本地', value: 'local' },
    ],
    hint: '不选为本地',
  },
  text('source', '来源', '官方来源，必须写'),
  date('verified', '核实日期', '最近一次核对的日期；超过 12 个月没有核实，构建时会提醒'),
  exceptions,
];

/** Data files: a top-level list is edited as the field `items` (the server unwraps it on save). */
export const LIST_FILES = [
  'content/glossary.yaml',
  'content/quiz.yaml',
  'content/channels.yaml',
  'content/search-pages.yaml',
  'content/redirects.yaml',
] as const;

const listFile = (file: string, name: string, label: string, summary: string, fields: Field[]) => ({
  name,
  label,
  file,
  fields: [CHECK_FIELD, { name: 'items', label, widget: 'list', summary, fields }],
});

export const SITE_FIELDS: Field[] = [
  text('name', '网站名称', '显示在页面顶部和浏览器标题中'),
  text('organization', '主办单位', '如“某某县委政法委员会”（正式发布必填）', false),
  text('region', '地区', '如“某某县”（正式发布必填）', false),
  {
    ...text(
      'baseUrl',
      '网站对外网址',
      '本机预览用 http://localhost:4321；正式发布请改为读者能访问的网址，如 https://www.example.gov.cn/pufa/',
    ),
    pattern: ['^https?://', '网址应以 http:// 或 https:// 开头'],
  },
  {
    name: 'channels',
    label: '本地举报渠道',
    widget: 'list',
    required: false,
    summary: '{{fields.name}}',
    fields: channelFields,
    hint: '可不填；显示在全国渠道之前。每条都要写明来源和核实日期',
  },
  {
    name: 'rewards',
    label: '本地举报奖励办法',
    widget: 'object',
    required: false,
    hint: '可不填。不填则网站只说明法律依据，不写任何金额',
    fields: [
      text('summary', '说明', '', false),
      text('source', '来源', '', false),
      text('url', '网址', '', false),
    ],
  },
  {
    name: 'offlineBudgetMB',
    label: '离线保存最多下载多少（MB）',
    widget: 'number',
    value_type: 'float',
    min: 0.5,
    max: 500,
    required: false,
    hint: '可不填，默认 10。问答很多、全部保存超过这个大小时，只保存法律全文、“我要举报”和“问答”页上排在前面的问答',
  },
  {
    name: 'footer',
    label: '页脚备案信息',
    widget: 'object',
    required: false,
    hint: '可不填；在中国大陆托管的网站通常需要',
    fields: [
      text('icp', 'ICP 备案号', '如 某ICP备00000000号', false),
      text('psb', '公安备案号', '如 某公网安备00000000000000号', false),
      text('siteCode', '网站标识码', '', false),
    ],
  },
];

export const DATA_FIELDS: Record<(typeof LIST_FILES)[number], Field[]> = {
  'content/glossary.yaml': [
    text('term', '词语'),
    {
      ...text('definition', '通俗解释', '法律没有定义的词，要说明“法律没有给出定义”'),
      widget: 'text',
    },
    words('aliases', '也说', '意思完全相同的说法，会显示给读者；用逗号隔开'),
    words(
      'searchAliases',
      '只帮助搜索的说法',
      '群众口头的说法，意思不完全相同，不显示给读者；用逗号隔开',
    ),
    {
      name: 'quotes',
      label: '原文引用的条文',
      widget: 'list',
      required: false,
      field: { name: 'cite', label: '条文', widget: 'citation' },
      hint: '法律下了定义的词，在这里引用法律原文',
    },
    { ...articles(false), hint: '相关的反有组织犯罪法条文序号' },
    text('qa', '解释它的问答（文件名）', '', false),
    exceptions,
  ],
  'content/quiz.yaml': [
    text('id', '编号', '如 q37，不能重复'),
    { ...text('question', '题目'), widget: 'text' },
    { name: 'options', label: '选项', widget: 'list', min: 2, max: 6, hint: '2–6 个' },
    {
      name: 'answer',
      label: '正确选项的序号',
      widget: 'number',
      value_type: 'int',
      min: 1,
      max: 6,
      hint: '从 1 数起',
    },
    { ...text('explanation', '一句话解释', '120 字以内'), widget: 'text' },
    {
      name: 'law',
      label: '法律',
      widget: 'select',
      required: false,
      options: ['刑法', '刑事诉讼法'],
      hint: '考反有组织犯罪法时不选',
    },
    {
      name: 'article',
      label: '所考的条文序号',
      widget: 'number',
      value_type: 'int',
      min: 1,
      required: false,
      hint: '没有哪一条法律写到的事实（如 12337）不填，页面就不显示法律链接',
    },
    exceptions,
  ],
  'content/channels.yaml': [text('id', '编号', '如 12388'), ...channelFields],
  'content/search-pages.yaml': [
    text('path', '网址', '以“/”开头和结尾，如 /report/'),
    text('title', '标题'),
    text('type', '类别'),
    { ...text('description', '说明'), widget: 'text' },
    words('keywords', '读者会说的词', '用逗号隔开'),
  ],
  'content/redirects.yaml': [
    text('from', '旧网址', '本站路径，以 / 开头和结尾，如 /materials/old-name/'),
    text('to', '新网址', '必须是本站存在的页面'),
    text('note', '说明', '如：2027 年 1 月改名', false),
  ],
};

export function decapConfig(origin: string, previewOrigin: string) {
  return {
    load_config_file: false,
    backend: { name: 'proxy', proxy_url: `${origin}/api/v1`, branch: 'main' },
    locale: 'zh_Hans',
    media_folder: 'public/images',
    public_folder: '/images',
    publish_mode: 'simple',
    site_url: previewOrigin,
    display_url: previewOrigin,
    collections: [
      mdx('qa', '问答', '问答', MDX_FIELDS.qa),
      mdx('cases', '典型案例', '案例', MDX_FIELDS.cases),
      mdx('news', '工作动态', '动态', MDX_FIELDS.news),
      mdx('materials', '宣传资料', '宣传资料', MDX_FIELDS.materials),
      {
        name: 'settings',
        label: '网站设置和数据',
        editor: { preview: false },
        delete: false,
        files: [
          {
            name: 'site',
            label: '网站设置',
            file: 'content/site.yaml',
            fields: [CHECK_FIELD, ...SITE_FIELDS],
          },
          listFile(
            'content/glossary.yaml',
            'glossary',
            '词语解释',
            '{{fields.term}}',
            DATA_FIELDS['content/glossary.yaml'],
          ),
          listFile(
            'content/quiz.yaml',
            'quiz',
            '应知应会 自测题',
            '{{fields.id}} {{fields.question}}',
            DATA_FIELDS['content/quiz.yaml'],
          ),
          listFile(
            'content/channels.yaml',
            'channels',
            '全国举报渠道',
            '{{fields.name}}',
            DATA_FIELDS['content/channels.yaml'],
          ),
          listFile(
            'content/search-pages.yaml',
            'search-pages',
            '搜索提示',
            '{{fields.path}} {{fields.title}}',
            DATA_FIELDS['content/search-pages.yaml'],
          ),
          listFile(
            'content/redirects.yaml',
            'redirects',
            '网址跳转',
            '{{fields.from}} → {{fields.to}}',
            DATA_FIELDS['content/redirects.yaml'],
          ),
        ],
      },
    ],
  };
}
