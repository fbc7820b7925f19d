import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, SiteConfigError } from '../../src/lib/config/load.ts';
import { checkContent, type SourceFile } from '../../src/lib/content/check.ts';
import { checkContentFiles, loadLaws } from '../../src/lib/content/check-files.ts';
import { formatProblem } from '../../src/lib/errors/error-map.ts';

// One fixture per mistake an editor can make (tests/fixtures/content-errors/<collection>/).
// Each is checked as if it were content/<collection>/<name>.mdx, and the message must
// name that file, the line or field, and what is expected.
const laws = loadLaws('.');
const FIXTURES = 'tests/fixtures/content-errors';
// Files that are only wrong together with a twin (tested above); only the second of a pair is reported.
const PAIRED = [
  'duplicate-code-a.mdx',
  'duplicate-code-b.mdx',
  'duplicate-slug.mdx',
  'duplicate-title-a.mdx',
  'duplicate-title-b.mdx',
  'draft-target.mdx',
];
const PAIR_FIRSTS = [
  'duplicate-code-a.mdx',
  'duplicate-slug.mdx',
  'duplicate-title-a.mdx',
  'draft-target.mdx',
];
const fixture = (collection: string, name: string): SourceFile => ({
  path: `content/${collection}/${name}`,
  text: readFileSync(`${FIXTURES}/${collection}/${name}`, 'utf8'),
});
const run = (...files: SourceFile[]) =>
  checkContent({ files, laws, exists: (p) => p === 'public/favicon.svg' }).problems.map((p) => ({
    ...p,
    text: formatProblem(p),
  }));

function expectProblem(
  collection: string,
  name: string,
  where: RegExp | string,
  message: RegExp | string,
) {
  const problems = run(fixture(collection, name));
  const file = `content/${collection}/${name}`;
  const hit = problems.find(
    (p) =>
      p.file === file &&
      (typeof where === 'string' ? p.where?.includes(where) : where.test(p.where ?? '')) &&
      (typeof message === 'string' ? p.message.includes(message) : message.test(p.message)),
  );
  expect(
    hit,
    `expected a problem in ${file} at ${where} matching ${message}; got:\n${problems.map((p) => p.text).join('\n')}`,
  ).toBeDefined();
  expect(hit!.text.startsWith(file)).toBe(true);
  return problems;
}

describe('content check: one fixture per mistake', () => {
  it('missing required field', () =>
    expectProblem('qa', 'missing-answer.mdx', '字段 answer', '缺少必填字段'));
  it('empty required field', () =>
    expectProblem('qa', 'empty-title.mdx', /第 2 行 · 字段 title/, '不能为空'));
  it('malformed date', () =>
    expectProblem(
      'qa',
      'malformed-date.mdx',
      /第 7 行 · 字段 published/,
      '日期格式不对：“2026-13-45”',
    ));
  it('updated before published', () =>
    expectProblem('qa', 'updated-before-published.mdx', '字段 updated', '不能早于发布日期'));
  it('unknown topic', () =>
    expectProblem(
      'qa',
      'unknown-topic.mdx',
      '字段 topics[1]',
      '“治安”不是可用的主题；可以写：基本概念',
    ));
  it('unknown audience', () =>
    expectProblem('qa', 'unknown-audience.mdx', '字段 audience[0]', '“农民”不是可用的读者对象'));
  it('citation of an article that does not exist', () =>
    expectProblem(
      'qa',
      'cite-article-78.mdx',
      '第 14 行',
      '《中华人民共和国反有组织犯罪法》没有第 78 条',
    ));
  it('citation of an item that does not exist', () =>
    expectProblem('qa', 'cite-missing-item.mdx', '第 14 行', '只有 6 项，没有第（七）项'));
  it('broken internal link', () =>
    expectProblem('qa', 'broken-link.mdx', '第 12 行', '链接指向的页面不存在：/jubao/'));
  it('image without alt text', () =>
    expectProblem('qa', 'image-without-alt.mdx', '第 12 行', '图片缺少说明文字'));
  it('missing image file', () =>
    expectProblem(
      'qa',
      'image-missing.mdx',
      '第 12 行',
      '找不到图片文件 public/images/no-such-file.png',
    ));
  // The bracket opened on line 4 is never closed: the message points there, not at the line after.
  it('YAML frontmatter syntax error', () =>
    expectProblem('qa', 'yaml-syntax.mdx', /^第 4 行$/, 'YAML 格式错误'));
  it('MDX syntax error', () => expectProblem('qa', 'mdx-syntax.mdx', /第 \d+ 行/, 'MDX 格式错误'));
  it('unknown component', () =>
    expectProblem(
      'qa',
      'unknown-component.mdx',
      '第 14 行',
      '不认识的组件 <Quote>；可以使用的组件只有：<Cite article={61} />',
    ));
  it('a case without a source', () =>
    expectProblem('cases', 'case-without-source.mdx', '字段 source', '真实案例必须写来源'));
  it('a scenario without the flag', () =>
    expectProblem('cases', 'scenario-without-flag.mdx', '字段 source', '请写 scenario: true'));

  it('duplicate short code, naming both files', () => {
    const problems = run(
      fixture('qa', 'duplicate-code-a.mdx'),
      fixture('qa', 'duplicate-code-b.mdx'),
    );
    expect(problems.map((p) => p.text)).toContain(
      'content/qa/duplicate-code-b.mdx · 字段 code：短码“dupc”重复：content/qa/duplicate-code-a.mdx 和 content/qa/duplicate-code-b.mdx 都用了它，两个页面都还没有发布，改哪一个都不会让印出去的 /q/dupc/ 失效。请给其中一个换一个没有用过的短码（运行 npm run new 会自动生成新的短码）',
    );
  });

  it('duplicate slug (file names that differ only in case)', () => {
    const problems = run(fixture('qa', 'duplicate-slug.mdx'), fixture('qa', 'Duplicate-Slug.mdx'));
    expect(
      problems.some(
        (p) =>
          p.file === 'content/qa/Duplicate-Slug.mdx' &&
          p.message.includes('和 content/qa/duplicate-slug.mdx 的网址相同'),
      ),
    ).toBe(true);
    expect(
      problems.some(
        (p) =>
          p.file === 'content/qa/Duplicate-Slug.mdx' && p.message.includes('只能用小写英文字母'),
      ),
    ).toBe(true);
  });

  it('a file in a sub-folder or with another extension is reported, not dropped', () => {
    const problems = run(
      { path: 'content/qa/old/x.mdx', text: '' },
      { path: 'content/qa/notes.docx', text: '' },
    );
    expect(problems.map((p) => p.file)).toEqual(['content/qa/old/x.mdx', 'content/qa/notes.docx']);
  });

  it('every fixture fails, and lists all its problems at once', () => {
    for (const collection of ['qa', 'cases']) {
      for (const name of readdirSync(`${FIXTURES}/${collection}`).filter(
        (n) => !PAIRED.includes(n),
      )) {
        expect(run(fixture(collection, name)).length, name).toBeGreaterThan(0);
      }
    }
    const all = readdirSync(`${FIXTURES}/qa`).map((n) => fixture('qa', n));
    const reported = new Set(run(...all).map((p) => p.file));
    for (const f of all)
      if (!PAIR_FIRSTS.some((n) => f.path.endsWith('/' + n)))
        expect(reported.has(f.path), f.path).toBe(true);
  });
});

describe('content check: site config fixtures', () => {
  const configError = (name: string) => {
    try {
      loadSiteConfig({ file: `tests/fixtures/config-errors/${name}` });
    } catch (e) {
      expect(e).toBeInstanceOf(SiteConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a SiteConfigError');
  };
  it('malformed phone number', () =>
    expect(configError('malformed-phone.yaml')).toContain(
      'tests/fixtures/config-errors/malformed-phone.yaml · 字段 channels[0].phone：电话号码格式不对',
    ));
  it('missing base URL', () =>
    expect(configError('missing-base-url.yaml')).toContain('missing-base-url.yaml · 字段 baseUrl'));
  it('unknown channel kind', () =>
    expect(configError('unknown-channel-kind.yaml')).toContain(
      'unknown-channel-kind.yaml · 字段 channels[0].kind：渠道类型（kind）“wechat”不认识',
    ));
});

describe('content check on the real content', () => {
  it('finds no problems in content/', () => {
    const { problems } = checkContentFiles('.');
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('warns about a channel not verified for 12 months', () => {
    const { warnings } = checkContentFiles('.', { now: new Date('2099-01-01T00:00:00Z') });
    expect(
      warnings.some(
        (w) => w.file === 'content/channels.yaml' && w.message.includes('个月没有核实'),
      ),
    ).toBe(true);
    expect(
      checkContentFiles('.').warnings.filter((w) => !w.message.startsWith('（待 issue 14 修改）')),
    ).toEqual([]);
  });
});
