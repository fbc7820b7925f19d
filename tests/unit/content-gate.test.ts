import { readdirSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, type SourceFile } from '../../src/lib/content/check.ts';
import { checkContentFiles, loadLaws } from '../../src/lib/content/check-files.ts';
import { LEGAL_DEFINITIONS } from '../../src/lib/content/legal-definitions.ts';
import {
  gateProblems,
  isCommentOnly,
  isLiteralExpression,
} from '../../src/lib/content/mdx-gate.ts';
import { dataFileTextRules, listIssuesToProblems } from '../../src/lib/content/rules/data-files.ts';
import { permalinkRules } from '../../src/lib/content/rules/permalinks.ts';
import { formatProblem } from '../../src/lib/errors/error-map.ts';
import { mdxToMdast } from 'satteri';

// Issue 15 (the MDX gate and the guide's rules) and issue 14's wording rules, one
// fixture per construct (tests/fixtures/content-errors/qa/, content-ok/qa/). The same
// fixtures go through a build and a dev server in tests/build/content-gate.test.ts.
const laws = loadLaws('.');
const read = (dir: string, name: string): SourceFile => ({
  path: `content/qa/${name}`,
  text: readFileSync(`tests/fixtures/${dir}/qa/${name}`, 'utf8'),
});
const NATIONAL = ['110', '12388', '12309', '12389'];
const run = (files: SourceFile[], published: string[] = []) =>
  checkContent({
    files,
    laws,
    exists: () => true,
    allowedPhones: NATIONAL,
    published: new Set(published),
  }).problems.map(formatProblem);
const errorsOf = (...names: string[]) => run(names.map((n) => read('content-errors', n)));

describe('the MDX gate', () => {
  const cases: Array<[string, string]> = [
    ['gate-import.mdx', 'content/qa/gate-import.mdx · 第 11 行：正文里不能写 import 或 export'],
    ['gate-export.mdx', 'content/qa/gate-export.mdx · 第 11 行：正文里不能写 import 或 export'],
    [
      'gate-text-expression.mdx',
      'content/qa/gate-text-expression.mdx · 第 11 行：正文里不能写花括号表达式 {…}',
    ],
    [
      'gate-flow-expression.mdx',
      'content/qa/gate-flow-expression.mdx · 第 13 行：正文里不能写花括号表达式 {…}',
    ],
    [
      'gate-attribute-expression.mdx',
      'content/qa/gate-attribute-expression.mdx · 第 13 行：<Cite> 的属性 article 只能写数字或文字，如 article={61}、law="刑法"；这里写的是 {60 + 1}',
    ],
    [
      'gate-spread.mdx',
      'content/qa/gate-spread.mdx · 第 13 行：<Cite> 里不能写 {...props}（展开属性会被当作程序运行）；只能写 law、article、paragraph、item',
    ],
    [
      'gate-unknown-attribute.mdx',
      'content/qa/gate-unknown-attribute.mdx · 第 13 行：<Scenario> 不认识属性 onClick；这个组件不写任何属性',
    ],
    [
      'html-comment.mdx',
      'content/qa/html-comment.mdx · 第 13 行：MDX 里不能用 <!-- --> 写注释；给编辑看的备注请写成 {/* 备注内容 */}',
    ],
  ];
  for (const [name, expected] of cases) {
    it(name, () => expect(errorsOf(name).join('\n')).toContain(expected));
  }

  it('allows plain Markdown, the components with literal attributes, and {/* comments */}', () => {
    expect(run([read('content-ok', 'allowed-constructs.mdx')])).toEqual([]);
  });

  it('decides on the syntax tree: literals and comments only', () => {
    for (const ok of ['61', ' 61 ', '"刑法"', "'刑法'"])
      expect(isLiteralExpression(ok), ok).toBe(true);
    for (const bad of ['60 + 1', 'x', '"a" + "b"', '`刑法`', '61; fetch(1)', '"a"\n"b"'])
      expect(isLiteralExpression(bad), bad).toBe(false);
    expect(isCommentOnly('/* 备注 */')).toBe(true);
    expect(isCommentOnly('/* a */ process.exit(1) /* b */')).toBe(false);
    // A string that looks like code inside a literal is text, not code.
    expect(gateProblems(mdxToMdast('<Cite law="process.env.HOME" article={61} />\n'))).toEqual([]);
  });
});

describe('the Markdown the checks did not see', () => {
  it('a reference-style image from another host', () =>
    expect(errorsOf('reference-image-remote.mdx')).toContain(
      'content/qa/reference-image-remote.mdx · 第 13 行：图片不能从其他网站加载；请把图片文件放进 public/images/，再写成 /images/文件名',
    ));
  it('a reference-style link to a page that does not exist', () =>
    expect(errorsOf('reference-link-dead.mdx').join('\n')).toContain(
      'content/qa/reference-link-dead.mdx · 第 11 行：链接指向的页面不存在：/jubao/',
    ));
  it('a published page that links to a draft, naming both files', () =>
    expect(errorsOf('draft-target.mdx', 'link-to-draft.mdx')).toContain(
      'content/qa/link-to-draft.mdx · 第 11 行：链接指向草稿 content/qa/draft-target.mdx（/qa/draft-target/）：正式发布时没有这个页面，读者会点到空页面。请等它发布后再加链接，或者先去掉这个链接',
    ));
});

describe("the guide's rules and the legal-wording rules", () => {
  const cases: Array<[string, string]> = [
    [
      'phone-mobile.mdx',
      '第 11 行：正文里不能写电话号码“13800138000”：它不是全国举报渠道的号码。本地电话请由部署单位写进 content/site.yaml 的 channels',
    ],
    ['phone-fixed.mdx', '第 11 行：正文里不能写电话号码“0871-12345678”'],
    ['phone-service.mdx', '第 11 行：正文里不能写电话号码“12345”'],
    ['call-12337.mdx', '第 11 行：12337 是网上举报平台，不是电话号码：同一句里不能写“拨打”'],
    ['reward-amount.mdx', '第 11 行：讲奖励的句子里不能写金额“10 万元”'],
    ['promise-word.mdx', '第 11 行：“一定”是绝对化的承诺'],
    [
      'definition-incomplete.mdx',
      '第 11 行：这里给“恶势力组织”下了定义，但少了法律规定的要素：“以暴力、威胁或者其他手段”',
    ],
    [
      'exception-unknown-rule.mdx',
      '第 9 行 · 字段 exceptions[0].rule：不认识的规则“夸张用语”；只能写：承诺用语、电话号码、奖励金额',
    ],
    [
      'exception-without-reason.mdx',
      '第 9 行 · 字段 exceptions[0].reason：缺少 reason：请写明为什么可以这样写，以及出处',
    ],
    [
      'exception-unused.mdx',
      '第 9 行 · 字段 exceptions[0]：这条例外（电话号码：“0871-12345678”）没有对应的内容',
    ],
    [
      'duplicate-title-b.mdx',
      '字段 title：标题和 content/qa/duplicate-title-a.mdx 相同（“举报 有奖励吗?”）',
    ],
  ];
  for (const [name, expected] of cases) {
    it(name, () =>
      expect(errorsOf('duplicate-title-a.mdx', name).join('\n')).toContain(
        `content/qa/${name} · ${expected}`,
      ),
    );
  }

  it('national numbers, 12337 as a platform, quoted law and sourced exceptions pass', () => {
    expect(
      run(
        ['allowed-constructs.mdx', 'sourced-exceptions.mdx', 'quoted-definition.mdx'].map((n) =>
          read('content-ok', n),
        ),
      ),
    ).toEqual([]);
  });

  it('the elements of each legal definition are the law’s own words', () => {
    for (const def of LEGAL_DEFINITIONS) {
      const law = readFileSync(`content/law/${def.lawFile}`, 'utf8').replace(/\s+/g, '');
      for (const alts of def.elements) expect(law, alts[0]).toContain(alts[0]!.replace(/\s+/g, ''));
    }
  });

  it('checks the data files, naming the entry and line; wrong quiz options are exempt', () => {
    const yaml = [
      '- term: 恶势力组织',
      '  definition: 指经常纠集在一起欺压群众的犯罪组织。',
      '- id: q1',
      '  question: 恶势力组织是什么？',
      '  options: [恶势力组织是混混团伙组织, 以法律为准]',
      '  answer: 2',
      '  explanation: 举报属实的，一定有奖励。',
    ].join('\n');
    const counter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: counter });
    const items = doc.toJS() as Array<Record<string, unknown>>;
    const glossary = dataFileTextRules(
      [{ file: 'content/glossary.yaml', items: [items[0]!], doc, counter }],
      [],
    ).map(formatProblem);
    expect(glossary.join('\n')).toContain(
      'content/glossary.yaml · 第 2 行 · 词条“恶势力组织” · 字段 definition：这里给“恶势力组织”下了定义',
    );
    const quizDoc = parseDocument(yaml.split('\n').slice(2).join('\n'), {
      lineCounter: ((counter.lineStarts.length = 0), counter),
    });
    const quiz = dataFileTextRules(
      [{ file: 'content/quiz.yaml', items: quizDoc.toJS(), doc: quizDoc, counter }],
      [],
    ).map(formatProblem);
    expect(quiz).toEqual([
      expect.stringContaining(
        'content/quiz.yaml · 第 5 行 · 第 1 题（q1） · 字段 explanation：“一定”是绝对化的承诺',
      ),
    ]);
  });
});

describe('files a Windows editor saves', () => {
  const good = readFileSync('tests/fixtures/content-ok/qa/quoted-definition.mdx', 'utf8');
  it('accepts a UTF-8 BOM, with LF and with CRLF', () => {
    for (const text of [
      '\uFEFF' + good,
      '\uFEFF' + good.replace(/\n/g, '\r\n'),
      good.replace(/\n/g, '\r\n'),
    ]) {
      expect(run([{ path: 'content/qa/bom.mdx', text }])).toEqual([]);
    }
  });
});

describe('messages that mislead', () => {
  it('an empty field block lists the missing fields', () => {
    const problems = errorsOf('empty-field-block.mdx');
    expect(problems.join('\n')).not.toContain('第一行应为 ---');
    for (const field of ['title', 'answer', 'topics', 'audience', 'published', 'source', 'code']) {
      expect(
        problems.some((p) =>
          p.startsWith(`content/qa/empty-field-block.mdx · 字段 ${field}：缺少必填字段`),
        ),
        field,
      ).toBe(true);
    }
  });

  it('a duplicate short code blames the file that is not published yet', () => {
    const a = read('content-errors', 'duplicate-code-a.mdx');
    const b = read('content-errors', 'duplicate-code-b.mdx');
    expect(run([a, b], ['/qa/duplicate-code-b/'])).toContain(
      'content/qa/duplicate-code-a.mdx · 字段 code：短码“dupc”已经被 content/qa/duplicate-code-b.mdx 使用；那个页面已经发布（在 content/urls.manifest.txt 里），/q/dupc/ 可能已经印在海报上，不能再改。请给本文件换一个没有用过的短码（运行 npm run new 会自动生成新的短码）',
    );
    expect(run([a, b], ['/qa/duplicate-code-a/', '/qa/duplicate-code-b/']).join('\n')).toContain(
      '两个页面都已经发布。印出去的 /q/dupc/ 只能指向其中一个',
    );
  });

  it('a short code of the reserved form l<n>', () => {
    const text = read('content-errors', 'duplicate-code-a.mdx').text.replace(
      'code: dupc',
      'code: l61',
    );
    expect(run([{ path: 'content/qa/law-code.mdx', text }]).join('\n')).toContain(
      'content/qa/law-code.mdx · 字段 code：短码“l61”是“l 加数字”的形式，这种短码留给法律条文',
    );
  });

  it('a channel entry is named by its id and line', () => {
    const yaml = '- id: "110"\n  phone: "110"\n- id: "12389"\n  phone: "12 389"\n';
    const counter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: counter });
    const [p] = listIssuesToProblems('content/channels.yaml', doc.toJS(), doc, counter, [
      { path: [1, 'phone'], message: '电话号码格式不对' },
    ]);
    expect(formatProblem(p!)).toBe(
      'content/channels.yaml · 第 4 行 · 渠道“12389” · 字段 phone：电话号码格式不对',
    );
  });

  it('the site.yaml message names the file from the project root', () => {
    const before = process.env.SITE_CONFIG;
    process.env.SITE_CONFIG = `${process.cwd()}/tests/fixtures/config-errors/malformed-phone.yaml`;
    try {
      const { problems } = checkContentFiles('.');
      expect(problems.map(formatProblem)).toContain(
        'tests/fixtures/config-errors/malformed-phone.yaml · 字段 channels[0].phone：电话号码格式不对：应为“区号-号码”（如 0871-12345678）、11 位手机号，或 110 这样的短号码；不要写空格、括号或文字',
      );
    } finally {
      if (before === undefined) delete process.env.SITE_CONFIG;
      else process.env.SITE_CONFIG = before;
    }
  });
});

describe('checks that only the build ran', () => {
  const entries = [
    {
      collection: 'qa' as const,
      slug: 'how-to-report',
      path: 'content/qa/how-to-report.mdx',
      draft: false,
      data: { code: 'k7m2' },
    },
  ];
  const check = (manifest: string[], redirects: Array<{ from: string; to: string }>) =>
    permalinkRules({ manifest, redirects, laws, entries }).map(formatProblem);
  it('a published path removed from the manifest', () =>
    expect(
      check(['/qa/how-to-report/', '/q/k7m2/', '/law/61/', '/q/l61/', '/qa/old-name/'], []),
    ).toEqual([
      expect.stringMatching(
        /^content\/urls\.manifest\.txt · \/qa\/old-name\/：这个网址已经发布过，但现在没有这个页面/,
      ),
    ]));
  it('a redirect to a missing page, and one whose old path still has a page', () =>
    expect(
      check(
        ['/qa/old-name/'],
        [
          { from: '/qa/old-name/', to: '/qa/new-name/' },
          { from: '/qa/how-to-report/', to: '/report/' },
        ],
      ),
    ).toEqual([
      'content/redirects.yaml · 第 1 条（from: /qa/old-name/）：跳转到的 /qa/new-name/ 不是本站的页面；请写一个存在的网址，如 /qa/how-to-report/',
      'content/redirects.yaml · 第 2 条（from: /qa/how-to-report/）：原网址 /qa/how-to-report/ 现在有自己的页面，不需要跳转；请删掉这一条',
    ]));
});

it('every fixture of this file exists', () => {
  expect(readdirSync('tests/fixtures/content-ok/qa').length).toBe(3);
});
