import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFiles } from '../../src/lib/content/check-files.ts';
import { codesIn, newShortCode } from '../../src/lib/content/short-codes.ts';
import { tempProject } from '../helpers/temp-project.ts';

const project = tempProject();
afterAll(() => project.remove());
const node = resolve('node_modules/.bin/node');
const runNew = (...args: string[]) =>
  spawnSync(node, ['scripts/new.ts', ...args], { cwd: project.dir, encoding: 'utf8', input: '' });

describe('short codes', () => {
  it('never reuses a taken code and uses no look-alike characters', () => {
    // The first candidate (all zeros → 2222) is taken, so the second one is used.
    const taken = new Set(['2222']);
    let n = 0;
    const seq = () => [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5][n++ % 8]!;
    expect(newShortCode(taken, seq)).toBe('hhhh');
    for (let i = 0; i < 200; i++) expect(newShortCode(taken)).toMatch(/^[2-9a-hjkmnp-z]{4}$/);
  });
  it('reads codes from frontmatter', () => {
    expect(codesIn(['---\ncode: k7m2\n---', 'code: "ab12"\n'])).toEqual(new Set(['k7m2', 'ab12']));
  });
});

describe('npm run new', () => {
  it('creates a Q&A file with a fresh short code, every field filled or marked, as a draft', () => {
    const r = runNew('问答', '举报以后多久会有回音？', '--slug', 'reply-time');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已新建 content/qa/reply-time.mdx');
    const text = readFileSync(join(project.dir, 'content/qa/reply-time.mdx'), 'utf8');
    expect(text).toContain('title: "举报以后多久会有回音？"');
    expect(text).toContain('draft: true');
    const others = readdirSync('content/qa').map((f) =>
      readFileSync(join('content/qa', f), 'utf8'),
    );
    const [code] = codesIn([text]);
    expect(codesIn(others).has(code!)).toBe(false);
  });

  it('leaves marks that the content check refuses until they are filled in', () => {
    const before = checkContentFiles(project.dir).problems.filter(
      (p) => p.file === 'content/qa/reply-time.mdx',
    );
    expect(before.length).toBeGreaterThan(0);
    expect(
      before.every((p) => p.message.includes('【请填写】') || p.message.includes('不是可用的主题')),
    ).toBe(true);
    const file = join(project.dir, 'content/qa/reply-time.mdx');
    const filled = readFileSync(file, 'utf8')
      .replace(/^answer: .*$/m, 'answer: 实名举报或留下联系方式的，核查单位会在30日内联系举报人。')
      .replace(/^topics: .*$/m, 'topics: [举报]')
      .replace(/^keywords: .*$/m, 'keywords: [回复, 反馈]')
      .replace(/^source: .*$/m, 'source: 全国扫黑办智能化举报平台的公开说明')
      .replace('<Cite article={【请填写】} />', '<Cite article={8} />');
    writeFileSync(file, filled);
    expect(checkContentFiles(project.dir).problems).toEqual([]);
  });

  it('creates cases and news, and explains a wrong kind', () => {
    expect(runNew('案例', '某个案例').status).toBe(0);
    expect(runNew('动态', '某条动态').status).toBe(0);
    expect(runNew('宣传资料', '某张海报').status).toBe(0);
    const bad = runNew('文章', '标题');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('不认识的类别“文章”。请写：问答、案例、动态、宣传资料');
  });
});
