import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetProblems, readingPageKind } from '../harness/perf/budgets.ts';
import { analyzeCss } from '../harness/perf/css.ts';
import { staticImports } from '../harness/perf/js-imports.ts';
import { htmlThroughFirstSection, measurePage } from '../harness/perf/measure.ts';
import { isPrintOnlyMedia, pageResources } from '../harness/perf/page-resources.ts';
import { formatBytes, gzipSize, rawSize, transferSize } from '../harness/perf/transfer.ts';
import { gzipSync } from 'node:zlib';

describe('transfer sizes', () => {
  it('counts gzip at level 9, the same every time', () => {
    const text = '第六十一条 因举报、控告和制止有组织犯罪活动'.repeat(50);
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).byteLength);
    expect(gzipSize(text)).toBe(gzipSize(text));
    expect(gzipSize(text)).toBeLessThan(rawSize(text) / 5);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(rawSize('举报')).toBe(6);
  });

  it('takes the raw size when gzip would make a file larger (already compressed data)', () => {
    const noise = randomBytes(4000);
    expect(gzipSize(noise)).toBeGreaterThan(noise.byteLength);
    expect(transferSize(noise)).toBe(noise.byteLength);
  });

  it('formats byte counts in decimal kB', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(14_600)).toBe('14.60 kB');
    expect(formatBytes(2_500_000)).toBe('2.50 MB');
  });
});

const PAGE = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/base.css">
<link rel="stylesheet" href="/_astro/print.css" media="print">
<link rel="stylesheet" href="/_astro/wide.css" media="screen and (min-width: 60em)">
<link rel="icon" href="/favicon.svg"><link rel="icon" href="/favicon.png">
<link rel="modulepreload" href="/_astro/shared.js">
<link rel="prefetch" href="/law/62/">
<script src="/_astro/prefs.js"></script>
<script type="application/ld+json">{"@type":"FAQPage"}</script>
<noscript><link rel="stylesheet" href="/_astro/noscript.css"></noscript>
</head><body>
<img src="logo.png" srcset="logo.png 1x, logo@2x.png 2x" alt="">
<template><img src="/hidden.png" alt=""></template>
<script type="module" src="/_astro/page.js"></script>
<script async src="https://cdn.example.com/x.js"></script>
<script nomodule src="/_astro/legacy.js"></script>
<script>window.x = 1;</script>
</body></html>`;

describe('resources a page loads', () => {
  const { resources, inlineScripts } = pageResources(PAGE, '/law/61/');
  const byUrl = (url: string) => resources.find((r) => r.url === url);

  it('finds stylesheets, and tells screen ones from print ones', () => {
    expect(byUrl('/_astro/base.css')).toMatchObject({
      kind: 'stylesheet',
      printOnly: false,
      renderBlocking: true,
    });
    expect(byUrl('/_astro/print.css')).toMatchObject({
      kind: 'stylesheet',
      printOnly: true,
      renderBlocking: false,
    });
    expect(byUrl('/_astro/wide.css')).toMatchObject({ printOnly: false, renderBlocking: true });
  });

  it('finds scripts: classic ones block rendering, modules and async ones do not', () => {
    expect(byUrl('/_astro/prefs.js')).toMatchObject({
      kind: 'script',
      renderBlocking: true,
      module: false,
    });
    expect(byUrl('/_astro/page.js')).toMatchObject({
      kind: 'script',
      renderBlocking: false,
      module: true,
    });
    expect(byUrl('/_astro/shared.js')).toMatchObject({
      kind: 'script',
      via: 'link[rel=modulepreload]',
      module: true,
    });
    expect(byUrl('https://cdn.example.com/x.js')).toMatchObject({ path: null });
    expect(inlineScripts).toEqual(['window.x = 1;']);
  });

  it('resolves relative URLs against the page', () => {
    expect(byUrl('logo.png')).toMatchObject({ kind: 'image', path: '/law/61/logo.png' });
    expect(byUrl('logo@2x.png')).toMatchObject({
      path: '/law/61/logo@2x.png',
      group: byUrl('logo.png')!.group,
    });
  });

  it('leaves out prefetches, nomodule scripts, JSON-LD and anything inside noscript or template', () => {
    const urls = resources.map((r) => r.url);
    for (const u of ['/law/62/', '/_astro/legacy.js', '/_astro/noscript.css', '/hidden.png'])
      expect(urls).not.toContain(u);
    expect(inlineScripts.join('')).not.toContain('FAQPage');
  });

  it('reads media lists', () => {
    expect(isPrintOnlyMedia('print')).toBe(true);
    expect(isPrintOnlyMedia('only print and (orientation: portrait)')).toBe(true);
    expect(isPrintOnlyMedia('print, screen')).toBe(false);
    expect(isPrintOnlyMedia('not print')).toBe(false);
    expect(isPrintOnlyMedia('')).toBe(false);
    expect(isPrintOnlyMedia(undefined)).toBe(false);
  });
});

describe('stylesheets', () => {
  it('finds print-only rules and poster sheets', () => {
    const a = analyzeCss(
      'body{color:red}@media print{nav{display:none}}@media screen,print{a{color:blue}}@page{margin:1cm}',
    );
    expect(a.printOnly.map((r) => r.rule)).toEqual(['@media print', '@page']);
    expect(a.setsPageSize).toBe(false);
    expect(
      analyzeCss('@page { size: A4 portrait; margin: 0 } .sheet{width:210mm}').setsPageSize,
    ).toBe(true);
    expect(analyzeCss('@media print { @page { size: A4 } }').printOnly.map((r) => r.rule)).toEqual([
      '@media print',
    ]);
  });

  it('lists url() references other than data: URIs', () => {
    const a = analyzeCss(
      `@import "more.css";@font-face{src:url(/f.woff2)}.a{background:url("bg.png"),url(data:image/png;base64,AA)}`,
    );
    expect(a.urls).toEqual(['/f.woff2', 'bg.png']);
    expect(a.imports).toEqual(['more.css']);
  });
});

describe('module imports', () => {
  it('lists static imports and leaves dynamic ones (loaded on demand) out', async () => {
    const code = `import{a}from"./chunk.js";import"/x/side.js";export*from"../re.js";const m=await import("./lazy.js");console.log(import.meta.url)`;
    expect(await staticImports(code)).toEqual(['./chunk.js', '/x/side.js', '../re.js']);
  });
});

describe('measuring a page', () => {
  const files: Record<string, string> = {
    '/_astro/base.css': 'body{margin:0}'.repeat(40) + '.hero{background:url(/img/hero.svg)}',
    '/_astro/print.css': 'nav{display:none}',
    '/_astro/app.js':
      'import{x}from"./dep.js";document.body.dataset.x=x;const l=()=>import("./lazy.js");',
    '/_astro/dep.js': 'export const x="1";',
    '/_astro/lazy.js': 'export default 1;'.repeat(500),
    '/img/hero.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    '/favicon.svg': '<svg/>',
    '/favicon-big.svg': '<svg>' + 'x'.repeat(3000) + '</svg>',
  };
  const read = (p: string) => (p in files ? Buffer.from(files[p]!) : undefined);
  const html = `<html><head><link rel="stylesheet" href="/_astro/base.css"><link rel="stylesheet" media="print" href="/_astro/print.css">
    <link rel="icon" href="/favicon.svg"><link rel="icon" href="/favicon-big.svg">
    <script type="module" src="/_astro/app.js"></script></head><body><img src="/missing.png" alt=""><p>正文</p><script>1</script></body></html>`;

  it('adds up HTML, CSS, JS with its static imports, images and icons', async () => {
    const w = await measurePage('/law/61/', html, read);
    const gz = (p: string) => transferSize(files[p]!);
    expect(w.html.gzip).toBe(transferSize(html));
    expect(w.css.map((c) => c.path)).toEqual(['/_astro/base.css', '/_astro/print.css']);
    expect(w.totals.css).toBe(gz('/_astro/base.css') + gz('/_astro/print.css'));
    expect(w.js.map((j) => j.path)).toEqual(['/_astro/app.js', '/_astro/dep.js']);
    expect(w.inlineJs.gzip).toBe(transferSize('1'));
    expect(w.totals.js).toBe(gz('/_astro/app.js') + gz('/_astro/dep.js') + transferSize('1'));
    // Of two icons the browser fetches one: the larger counts. The CSS background counts too.
    expect(w.images.map((i) => i.path).sort()).toEqual(['/favicon-big.svg', '/img/hero.svg']);
    expect(w.missing).toEqual(['/missing.png']);
  });

  it('counts only screen CSS and blocking scripts in the critical path', async () => {
    const w = await measurePage('/law/61/', html, read);
    expect(w.totals.critical).toBe(w.html.gzip + transferSize(files['/_astro/base.css']!));
    // No <section> in this page's <main>: its start is all of it.
    expect(w.htmlStart).toEqual(w.html);
    expect(w.totals.criticalStart).toBe(w.totals.critical);
    expect(w.totals.firstView).toBe(
      w.html.gzip + w.totals.css + w.totals.js - w.inlineJs.gzip + w.totals.images,
    );
  });
});

describe('the start of a long page', () => {
  it('runs through the end of the first <section> in <main>, nested sections included', () => {
    const page =
      '<html><head><link rel="stylesheet" href="/a.css"></head><body><section>nav</section><main><h1>T</h1><section><h2>1</h2><section>1.1</section><p>x</p></section><section><h2>2</h2></section></main></body></html>';
    expect(htmlThroughFirstSection(page)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"></head><body><section>nav</section><main><h1>T</h1><section><h2>1</h2><section>1.1</section><p>x</p></section>',
    );
  });

  it('is the whole page when <main> has no section', () => {
    const page = '<html><body><main><p>x</p></main></body></html>';
    expect(htmlThroughFirstSection(page)).toBe(page);
  });
});

describe('reading pages and their budgets', () => {
  it('selects reading pages by URL path', () => {
    expect(readingPageKind('/law/61/')).toBe('law');
    expect(readingPageKind('/law/excerpts/')).toBe('law');
    expect(readingPageKind('/law/')).toBe('law-full');
    expect(readingPageKind('/qa/what-is-esili/')).toBe('qa');
    expect(readingPageKind('/report/')).toBe('report');
    expect(readingPageKind('/materials/mingbaika/')).toBe('material');
    expect(readingPageKind('/')).toBe('home');
    for (const p of [
      '/qa/',
      '/materials/',
      '/search/',
      '/404.html',
      '/posters/law/61/',
      '/q/k7m2/',
      '/law/61/x/',
    ])
      expect(readingPageKind(p), p).toBeNull();
  });

  const weight = (over: {
    html?: number;
    css?: number;
    js?: number;
    critical?: number;
    criticalStart?: number;
    firstView?: number;
    printRules?: boolean;
    sheet?: boolean;
  }) => ({
    page: '/law/61/',
    html: { raw: 20_000, gzip: over.html ?? 2_000 },
    htmlStart: { raw: 5_000, gzip: 1_000 },
    css: [
      {
        path: '/_astro/Base.css',
        raw: 9_000,
        gzip: over.css ?? 2_000,
        printOnly: false,
        renderBlocking: true,
        printOnlyRules: over.printRules ? [{ rule: '@media print', bytes: 162 }] : [],
        setsPageSize: over.sheet ?? false,
      },
    ],
    js: over.js
      ? [
          {
            path: '/_astro/prefs.js',
            raw: 3_000,
            gzip: over.js,
            how: 'script[src]',
            renderBlocking: true,
          },
        ]
      : [],
    inlineJs: { raw: 0, gzip: 0 },
    images: [],
    fonts: [],
    other: [],
    missing: [],
    external: [],
    totals: {
      css: over.css ?? 2_000,
      js: over.js ?? 0,
      images: 0,
      fonts: 0,
      other: 0,
      firstView: over.firstView ?? 4_000,
      critical: over.critical ?? 4_000,
      criticalStart: over.criticalStart ?? 3_000,
    },
  });

  it('passes a page within every budget', () => {
    expect(budgetProblems(weight({}), 'law')).toEqual([]);
  });

  it('names the page and the byte counts for each budget it breaks', () => {
    const problems = budgetProblems(
      weight({
        html: 7_001,
        css: 6_500,
        js: 1_600,
        critical: 15_000,
        firstView: 31_000,
        printRules: true,
        sheet: true,
      }),
      'law',
    );
    expect(problems).toHaveLength(7);
    expect(problems[0]).toBe(
      '/law/61/: HTML is 7,001 B gzip (20,000 B raw), over the budget of 7,000 B',
    );
    expect(problems[1]).toContain(
      '/law/61/: CSS loaded is 6,500 B gzip (/_astro/Base.css 6,500 B)',
    );
    expect(problems[2]).toContain(
      'JavaScript before interaction is 1,600 B gzip (/_astro/prefs.js 1,600 B)',
    );
    expect(problems[3]).toContain('first view is 31,000 B');
    expect(problems[4]).toContain('render-blocking CSS and JS is 15,000 B');
    expect(problems[5]).toContain('print-only rules: @media print (162 B)');
    expect(problems[6]).toContain('poster or card sheet');
  });

  it('holds the full text at /law/ to the critical-path budget with the start of its HTML', () => {
    // All of it is over 14 kB, but the start (through the first chapter) is within.
    expect(
      budgetProblems(weight({ html: 12_000, critical: 15_000, criticalStart: 6_000 }), 'law-full'),
    ).toEqual([]);
    const problems = budgetProblems(
      weight({ html: 12_000, critical: 15_000, criticalStart: 14_001 }),
      'law-full',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'the start of the HTML (through the first chapter) plus render-blocking CSS and JS is 14,001 B',
    );
  });

  it('allows the full text at /law/ a larger HTML budget', () => {
    expect(budgetProblems(weight({ html: 20_000 }), 'law-full')).toEqual([]);
    expect(budgetProblems(weight({ html: 20_000 }), 'law')).toHaveLength(1);
    expect(budgetProblems(weight({ html: BUDGETS.htmlFullText + 1 }), 'law-full')).toHaveLength(1);
  });
});
