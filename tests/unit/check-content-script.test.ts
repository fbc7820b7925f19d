import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFiles } from '../../src/lib/content/check-files.ts';
import { cleanEnv } from '../helpers/temp-project.ts';

// `npm run check:content` on the shipped content: the success path editors see after a fix.
// (Its failures are tested with the fixtures in content-check.test.ts and quiz.test.ts.)
describe('npm run check:content', () => {
  it('passes the shipped content, exits 0 and says how many files it checked', () => {
    const r = spawnSync(resolve('node_modules/.bin/node'), ['scripts/check-content.ts'], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const m =
      /^内容检查通过：(\d+) 个文件(?:（其中草稿 (\d+) 个）)?，没有发现问题。（用时 \d+ 毫秒）\n$/.exec(
        r.stdout,
      );
    expect(m, r.stdout).not.toBeNull();
    const { entries } = checkContentFiles(process.cwd());
    expect(Number(m![1])).toBe(entries.length);
    expect(Number(m![2] ?? 0)).toBe(entries.filter((e) => e.draft).length);
    // Every MDX file in content/ (files starting with _ are templates, not content).
    const mdx = (readdirSync('content', { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.mdx') && !basename(f).startsWith('_'),
    );
    expect(entries.length).toBe(mdx.length);
  });
});
