import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFiles } from '../../src/lib/content/check-files.ts';
import { glossaryEntrySchema } from '../../src/lib/content/schemas.ts';
import { formatProblem } from '../../src/lib/errors/error-map.ts';
import { tempProject, type TempProject } from '../helpers/temp-project.ts';

// Issue 14: glossary aliases shown to readers vs search-only words, and quoted legal definitions.
const projects: TempProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

describe('glossary entries', () => {
  it('take search-only words and law quotes, and default both to empty', () => {
    const r = glossaryEntrySchema.parse({
      term: '恶势力组织',
      definition: '法律规定的概念。',
      searchAliases: ['混混', 110],
      quotes: [{ article: 2, paragraph: 2 }],
    });
    expect(r.searchAliases).toEqual(['混混', '110']);
    expect(r.quotes).toEqual([{ article: 2, paragraph: 2 }]);
    const bare = glossaryEntrySchema.parse({ term: '套路贷', definition: '法律没有给出定义。' });
    expect([bare.aliases, bare.searchAliases, bare.quotes]).toEqual([[], [], []]);
  });

  it('check:content names the term and the field of a quote that does not exist', () => {
    const p: TempProject = tempProject();
    projects.push(p);
    const file = join(p.dir, 'content/glossary.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'quotes: [{ article: 2, paragraph: 2 }]',
        'quotes: [{ article: 2, paragraph: 9 }]',
      ),
    );
    const text = checkContentFiles(p.dir).problems.map(formatProblem);
    // The broken quote, and then the definition that no longer quotes the law (definitions rule).
    expect(text).toHaveLength(2);
    expect(text[1]).toMatch(
      /^content\/glossary\.yaml · 第 \d+ 行 · 词条“恶势力组织” · 字段 definition：这里给“恶势力组织”下了定义/,
    );
    expect(text[0]).toMatch(
      /^content\/glossary\.yaml · 词条“恶势力组织” · 字段 quotes\[0\]：引用有误：/,
    );
    expect(text[0]).toContain('第二条');
  });
});
