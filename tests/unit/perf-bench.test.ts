import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, qaSchema, TOPICS } from '../../src/lib/content/schemas.ts';
import { PAGEFIND_TIMING_FILE } from '../../src/integrations/pagefind.ts';
import { parseBuildLog, parseDuration, readPagefindTiming } from '../harness/perf/build-log.ts';
import { totalsByType, transferLabel } from '../harness/perf/network.ts';
import { growth, linearFit, median } from '../harness/perf/stats.ts';
import { syntheticCode, syntheticQa } from '../harness/perf/synthetic-qa.ts';
import { formatTable } from '../harness/perf/table.ts';

describe('synthetic Q&A for the scale benchmark', () => {
  const opts = { topics: TOPICS, audiences: AUDIENCES };

  it('writes entries that the Q&A schema accepts', () => {
    for (const i of [0, 1, 499, 4999]) {
      const q = syntheticQa(i, 5000, opts);
      const [, front, body] = q.text.split(/^---$/m);
      const result = qaSchema.safeParse(parseYaml(front!));
      expect(result.error?.issues ?? [], q.file).toEqual([]);
      expect(body!.trim().length).toBeGreaterThan(300);
      expect(q.text).toContain('示例');
    }
  });

  it('gives every entry a unique short code and slug, the same on every run', () => {
    const set = Array.from({ length: 5000 }, (_, i) => syntheticQa(i, 5000, opts));
    expect(new Set(set.map((q) => q.code)).size).toBe(5000);
    expect(new Set(set.map((q) => q.slug)).size).toBe(5000);
    expect(syntheticQa(42, 5000, opts).text).toBe(set[42]!.text);
    expect(set.every((q) => /^[a-z0-9]{3,8}$/.test(q.code))).toBe(true);
    expect(() => syntheticCode(36 ** 4)).toThrow(RangeError);
  });

  it('points related questions at other entries of the set', () => {
    const q = syntheticQa(3, 10, opts);
    expect(q.text).toContain('related: ["bench-00004", "bench-00000"]');
  });
});

describe('benchmark statistics', () => {
  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('fits a line', () => {
    const f = linearFit([
      [500, 7],
      [2000, 22],
      [5000, 52],
    ]);
    expect(f.slope).toBeCloseTo(0.01, 5);
    expect(f.intercept).toBeCloseTo(2, 5);
    expect(f.r2).toBeCloseTo(1, 5);
  });

  it('calls steady marginal cost linear, and rising marginal cost not', () => {
    expect(
      growth([
        [500, 7],
        [2000, 22],
        [5000, 52],
      ]).linear,
    ).toBe(true);
    const quadratic = growth([
      [500, 0.25],
      [2000, 4],
      [5000, 25],
    ]);
    expect(quadratic.linear).toBe(false);
    expect(quadratic.verdict).toContain('rising');
  });

  it('does not judge linearity from two sizes', () => {
    const g = growth([
      [500, 7],
      [2000, 22],
    ]);
    expect(g.linear).toBe(false);
    expect(g.verdict).toContain('two sizes');
  });
});

describe('build output', () => {
  it("reads pagefind's figures from the file its integration writes, and none when it is missing", () => {
    const cache = mkdtempSync(join(tmpdir(), 'aocl-pagefind-timing-'));
    try {
      expect(readPagefindTiming(cache)).toBeUndefined();
      writeFileSync(
        join(cache, PAGEFIND_TIMING_FILE),
        JSON.stringify({ pages: 82, ms: 153, addMs: 100, writeMs: 50 }),
      );
      expect(readPagefindTiming(cache)).toEqual({ pages: 82, ms: 153, addMs: 100, writeMs: 50 });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("reads Astro's own timings, colours and all", () => {
    const log = [
      '00:21:06 [build] Building static entrypoints...',
      '00:21:22 \x1b[2m[vite]\x1b[22m \x1b[32m✓ built in 16.40s\x1b[39m',
      '00:21:23 [vite] ✓ built in 28ms',
      ' generating static routes ',
      '00:21:40 ├─ /law/1/index.html (+1ms)',
      '00:21:40 ✓ Completed in 16.28s.',
      '00:21:52 [build] 15082 page(s) built in 47.77s',
    ].join('\n');
    expect(parseBuildLog(log)).toEqual({
      pages: 15082,
      astroMs: 47770,
      bundleMs: 16428,
      renderMs: 16280,
    });
    expect(parseBuildLog('nothing here')).toEqual({});
  });

  it('reads durations', () => {
    expect(parseDuration('28ms')).toBe(28);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2m 3s')).toBe(123000);
    expect(parseDuration('soon')).toBeUndefined();
  });
});

describe('download summaries', () => {
  it("labels pagefind's files and adds up bytes by type", () => {
    expect(transferLabel({ url: 'http://x/pagefind/index/zh-cn_1.pf_index', type: 'fetch' })).toBe(
      'pagefind index',
    );
    expect(transferLabel({ url: 'http://x/pagefind/wasm.unknown.pagefind', type: 'fetch' })).toBe(
      'pagefind wasm',
    );
    expect(transferLabel({ url: 'http://x/favicon.svg', type: 'other' })).toBe('image');
    expect(
      transferLabel({ url: 'http://x/sub/search-index/3c52761baf/17.json', type: 'fetch' }),
    ).toBe('search text index');
    expect(transferLabel({ url: 'http://x/search-hints.json', type: 'fetch' })).toBe(
      'search hints',
    );
    expect(transferLabel({ url: 'http://x/data.json', type: 'fetch' })).toBe('fetch');
    const { rows, total } = totalsByType([
      { url: 'http://x/', type: 'document', raw: 3000, gzip: 1500 },
      { url: 'http://x/a.css', type: 'stylesheet', raw: 5000, gzip: 1700 },
      { url: 'http://x/b.css', type: 'stylesheet', raw: 200, gzip: 150 },
      { url: 'http://x/pagefind/pagefind.js', type: 'script', raw: 47000, gzip: 13000 },
    ]);
    expect(rows.map((r) => [r.type, r.requests, r.gzip])).toEqual([
      ['document', 1, 1500],
      ['stylesheet', 2, 1850],
      ['pagefind js', 1, 13000],
    ]);
    expect(total).toEqual({ type: 'total', requests: 4, raw: 55200, gzip: 16350 });
  });
});

describe('tables', () => {
  it('aligns text left and numbers right, counting Chinese characters as two columns', () => {
    const t = formatTable(
      ['page', 'gzip'],
      [
        ['/law/61/', '1.80 kB'],
        ['问答', '12.00 kB'],
      ],
    );
    expect(t.split('\n')).toEqual([
      'page          gzip',
      '--------  --------',
      '/law/61/   1.80 kB',
      '问答      12.00 kB',
    ]);
  });
});
