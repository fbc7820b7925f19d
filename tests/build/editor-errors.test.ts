import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/temp-project.ts';

// The fixtures go through the fast check in tests/unit/content-check.test.ts; a few
// also go through a real `astro build` here, to prove the build applies the same rules.
const projects: TempProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

describe('the full build', () => {
  it('fails on bad content, naming each file, line and problem', () => {
    const p = tempProject();
    projects.push(p);
    for (const name of ['cite-article-78.mdx', 'unknown-component.mdx']) {
      cpSync(`tests/fixtures/content-errors/qa/${name}`, join(p.dir, 'content/qa', name));
    }
    cpSync('tests/fixtures/content-errors/cases/case-without-source.mdx', join(p.dir, 'content/cases/case-without-source.mdx'));
    const { status, output } = p.build();
    expect(status).not.toBe(0);
    expect(output).toContain('发现 3 个内容问题');
    expect(output).toContain('content/qa/cite-article-78.mdx · 第 14 行：引用有误：《中华人民共和国反有组织犯罪法》没有第 78 条');
    expect(output).toContain('content/qa/unknown-component.mdx · 第 14 行：不认识的组件 <Quote>');
    expect(output).toContain('content/cases/case-without-source.mdx · 字段 source：真实案例必须写来源');
  });

  it('keeps drafts out of a production build, and builds a page for every other file', () => {
    const p = tempProject();
    projects.push(p);
    const source = readFileSync('content/qa/how-to-report.mdx', 'utf8');
    const draft = source.replace(/^code: \w+$/m, 'code: drft1').replace(/^---\n/, '---\ndraft: true\n');
    writeFileSync(join(p.dir, 'content/qa/draft-example.mdx'), draft);
    const config = join(p.dir, 'content/site.yaml');
    writeFileSync(config, 'name: 测试站\norganization: 某某县委政法委\nregion: 某某县\nbaseUrl: https://pufa.example-county.cn/\n');
    const { status, output } = p.build({ SITE_MODE: 'production', SITE_CONFIG: config });
    expect(status, output).toBe(0);
    expect(existsSync(join(p.dir, 'dist/qa/how-to-report/index.html'))).toBe(true);
    expect(existsSync(join(p.dir, 'dist/qa/draft-example'))).toBe(false);
    expect(readFileSync(join(p.dir, 'dist/qa/index.html'), 'utf8')).not.toContain('draft-example');
  });
});
