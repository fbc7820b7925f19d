import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';

// A tiny built site, to show the link checker finds what it should.
const dist = mkdtempSync(join(tmpdir(), 'aocl-links-'));
const write = (rel: string, body: string) => {
  mkdirSync(dirname(join(dist, rel)), { recursive: true });
  writeFileSync(
    join(dist, rel),
    `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`,
  );
};
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('checkLinks', () => {
  write(
    'index.html',
    '<a href="/pufa/law/">ok</a> <a href="/pufa/law/#art-2">ok</a> <a href="law/#art-9">no anchor</a> <a href="/pufa/qa/">missing</a> <a href="/elsewhere/">outside</a> <a href="https://other.example/x">external</a> <a href="tel:110">tel</a>',
  );
  write(
    'law/index.html',
    '<h2 id="art-2">x</h2><a href="/pufa/law">no slash</a><img src="/pufa/_astro/a.png" alt=""><a href="http://host.test/pufa/law/61/">canonical-style</a>',
  );

  const r = checkLinks(dist, 'http://host.test/pufa/');
  const problems = r.problems.map((p) => `${p.page} ${p.url} ${p.problem}`);

  it('accepts good links and anchors, and skips other origins and schemes', () => {
    expect(r.pages).toBe(2);
    expect(r.anchors).toBe(2);
    expect(problems.some((p) => p.includes('/pufa/law/ ') || p.includes('#art-2 '))).toBe(false);
    expect(problems.some((p) => p.includes('other.example') || p.includes('tel:'))).toBe(false);
  });

  it('reports missing pages, missing anchors, paths outside the base and folders without a slash', () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        '/ law/#art-9 no element with id "art-9" on law/index.html',
        '/ /pufa/qa/ no such page',
        "/ /elsewhere/ outside the site's base path /pufa/",
        '/law/ /pufa/law folder without the trailing slash',
        '/law/ /pufa/_astro/a.png no such file',
        '/law/ http://host.test/pufa/law/61/ no such page',
      ]),
    );
    expect(problems).toHaveLength(6);
  });
});
