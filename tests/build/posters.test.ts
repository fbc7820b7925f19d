import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { isPreviewAddress } from '../../src/lib/config/schema.ts';
import {
  isPrintFilePath,
  MANIFEST_FILE,
  parseManifest,
} from '../../src/lib/permalinks/manifest.ts';
import { absoluteUrl } from '../../src/lib/routes.ts';
import { QR_QUIET_ZONE } from '../../src/lib/posters/qr.ts';
import { DIST, exists, htmlPages, page, walk } from '../harness/dist.ts';
import { errorCorrectionLevel } from '../helpers/qr-format.ts';
import {
  SHORT_LINK_LIST_FILE,
  SHORT_LINK_TEMPLATE_FILE,
} from '../../src/lib/permalinks/short-link-page.ts';

// Runs over dist/ as built by `npm test`.
const { config } = loadSiteConfig();
const channels = parseYaml(readFileSync('content/channels.yaml', 'utf8')) as Array<{
  id: string;
  name: string;
}>;
const platformName = channels.find((c) => c.id === '12337')!.name;
const materials = await getCollection('materials', (e) => !e.data.draft);
const qa = await getCollection('qa', (e) => !e.data.draft);
const stories = [
  ...(await getCollection('cases', (e) => !e.data.draft)).map((e) => ({
    page: `/cases/${e.id}/`,
    code: e.data.code,
  })),
  ...(await getCollection('news', (e) => !e.data.draft)).map((e) => ({
    page: `/news/${e.id}/`,
    code: e.data.code,
  })),
];
const pages = htmlPages();

interface Item {
  poster: string;
  page: string;
  code: string;
}
const items: Item[] = [
  ...Array.from({ length: 77 }, (_, i) => ({
    poster: `/posters/law/${i + 1}/`,
    page: `/law/${i + 1}/`,
    code: `l${i + 1}`,
  })),
  ...qa.map((e) => ({ poster: `/posters/qa/${e.id}/`, page: `/qa/${e.id}/`, code: e.data.code })),
  ...materials.map((e) => ({
    poster: `/posters/materials/${e.id}/`,
    page: `/materials/${e.id}/`,
    code: e.data.code,
  })),
];
const isPoster = (path: string) => path.startsWith('/posters/');
const cssOf = (path: string) =>
  page(path)
    .querySelectorAll('link[rel="stylesheet"]')
    .map((l) => l.getAttribute('href')!);

describe('posters', () => {
  it('exist for every law article, Q&A and material, and for nothing else', () => {
    expect(materials.length).toBeGreaterThanOrEqual(8);
    const built = pages
      .filter((p) => isPoster(p.path))
      .map((p) => p.path)
      .sort();
    expect(built).toEqual(items.map((i) => i.poster).sort());
  });

  it.each(items.map((i) => [i.poster, i] as const))(
    '%s is one sheet with the title, QR code, short link, channels and organization',
    (path, item) => {
      const doc = page(path);
      const html = readFileSync(`${DIST}${path}index.html`, 'utf8');
      expect(doc.querySelectorAll('main.sheet')).toHaveLength(1);
      expect(doc.querySelector('.sheet h1')!.text.trim().length).toBeGreaterThan(0);
      const qr = doc.querySelectorAll('.sheet svg.qr');
      expect(qr).toHaveLength(1);
      expect(Number(qr[0]!.getAttribute('data-qr-version'))).toBeGreaterThan(0);
      expect(
        errorCorrectionLevel(
          qr[0]!.outerHTML,
          QR_QUIET_ZONE,
          Number(qr[0]!.getAttribute('data-qr-modules')),
        ),
      ).toBe('Q');
      // CSP: no inline styles or scripts anywhere on the page.
      expect(html).not.toMatch(/\sstyle=|<style|<script/);
      const shortUrl = absoluteUrl(config.baseUrl, `/q/${item.code}/`);
      expect(doc.querySelector('.sheet-url')!.text.trim()).toBe(shortUrl);
      expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        absoluteUrl(config.baseUrl, item.page),
      );
      const text = doc.querySelector('.sheet')!.text;
      expect(text).toContain('110');
      expect(text).toContain(platformName);
      expect(text).not.toMatch(/(拨打|致电|热线|电话)[^。；\n]{0,12}12337/);
      expect(html).not.toContain('tel:');
      expect(text).toContain(`主办单位：${config.organization || '（未设置）'}`);
      expect(text.includes('演示版：部署前请在配置中设置网址')).toBe(isPreviewAddress(config));
      expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
      expect(
        doc.querySelectorAll('.poster-toolbar a').map((a) => a.getAttribute('href')),
      ).toContain(item.page);
    },
  );

  it('poster styles load on poster pages only', () => {
    const posterCss = new Set(pages.filter((p) => isPoster(p.path)).flatMap((p) => cssOf(p.path)));
    const readingCss = new Set(
      pages.filter((p) => !isPoster(p.path)).flatMap((p) => cssOf(p.path)),
    );
    expect(posterCss.size).toBeGreaterThan(0);
    expect([...posterCss].filter((h) => readingCss.has(h))).toEqual([]);
    // And no stylesheet that a reading page loads carries the sheet layout.
    for (const href of readingCss)
      expect(readFileSync(`${DIST}${href}`, 'utf8'), href).not.toMatch(/@page|\.sheet-foot/);
  });

  it('a printed phone that cannot be dialled as printed (dial: false, 12389) carries how to call it', () => {
    const national = parseYaml(readFileSync('content/channels.yaml', 'utf8')) as Array<{
      id: string;
      name: string;
      phone?: string;
      dial?: boolean;
      how?: string;
    }>;
    const undiallable = [...national, ...config.channels].filter(
      (c) => c.phone && c.dial === false,
    );
    expect(undiallable.map((c) => c.phone)).toContain('12389');
    let seen = 0;
    for (const path of items.map((i) => i.poster)) {
      for (const li of page(path).querySelectorAll(
        '.sheet .channel-list li, .sheet .sheet-channels li',
      )) {
        const c = undiallable.find((u) => li.querySelector('strong')!.text.trim() === u.name);
        if (!c) continue;
        seen++;
        expect(li.text, `${path} ${c.name}`).toContain(c.phone!);
        expect(li.text, `${path} ${c.name}`).toContain(c.how!);
      }
    }
    // The 保护伞 poster and the 明白卡 list 12389.
    expect(seen).toBeGreaterThanOrEqual(2);
    expect(page('/posters/materials/baohusan/').querySelector('.sheet')!.text).toContain('区号');
  });

  it('reading pages link to their poster with 「打印海报」', () => {
    for (const item of items.filter((i) => !i.page.startsWith('/qa/'))) {
      const links = page(item.page)
        .querySelectorAll('a')
        .filter((a) => a.getAttribute('href') === item.poster);
      expect(
        links.map((a) => a.text.trim()),
        item.page,
      ).toContain('打印海报');
    }
  });
});

describe('short links /q/<code>/', () => {
  const links = pages.filter((p) => p.path.startsWith('/q/'));

  it('exist for every law article, Q&A, material, case and news item', () => {
    expect(links.map((p) => p.path).sort()).toEqual(
      [...items, ...stories].map((i) => `/q/${i.code}/`).sort(),
    );
    // The page and list the short-links integration writes them from are gone.
    expect(exists(SHORT_LINK_TEMPLATE_FILE)).toBe(false);
    expect(exists(SHORT_LINK_LIST_FILE)).toBe(false);
  });

  it.each(items.map((i) => [`/q/${i.code}/`, i] as const))(
    '%s is a static redirect to its page',
    (path, item) => {
      const doc = page(path);
      expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
        `0;url=${item.page}`,
      );
      expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        absoluteUrl(config.baseUrl, item.page),
      );
      expect(doc.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(
        item.page,
      );
      expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
      expect(exists(`${item.page.slice(1)}index.html`), `${path} → ${item.page}`).toBe(true);
    },
  );
});

describe('sitemap and URL manifest', () => {
  const sitemap = walk(DIST)
    .filter((f) => /sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('the sitemap lists reading pages but no posters and no short links', () => {
    expect(sitemap).toContain(absoluteUrl(config.baseUrl, '/law/61/'));
    expect(sitemap).toContain(absoluteUrl(config.baseUrl, '/materials/'));
    expect(sitemap).not.toContain('/posters/');
    expect(sitemap).not.toContain('/q/');
  });

  it('every path in the manifest is a page of this build, and the manifest holds every law article and its short link', () => {
    const listed = parseManifest(readFileSync(MANIFEST_FILE, 'utf8'));
    // Print files (/print/….pdf) exist only in print builds: tests/build/print-pdfs.test.ts checks them.
    for (const p of listed.filter((x) => !isPrintFilePath(x)))
      expect(exists(`${p.slice(1)}index.html`), p).toBe(true);
    for (let n = 1; n <= 77; n++) {
      expect(listed).toContain(`/law/${n}/`);
      expect(listed).toContain(`/q/l${n}/`);
    }
    expect(listed.some((p) => p.startsWith('/posters/'))).toBe(false);
  });
});

describe('宣传资料 pages', () => {
  it('/materials/ lists every material with its page and its print version', () => {
    const hrefs = page('/materials/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    for (const m of materials) {
      expect(hrefs).toContain(`/materials/${m.id}/`);
      expect(hrefs).toContain(`/posters/materials/${m.id}/`);
    }
  });

  it('has slogans, a 明白卡, a letter and posters on the three themes', () => {
    const kinds = new Set(materials.map((m) => m.data.kind));
    for (const k of ['标语', '明白卡', '一封信', '海报']) expect(kinds).toContain(k);
    const titles = materials.map((m) => m.data.title).join('\n');
    for (const theme of ['恶势力', '保护', '举报']) expect(titles).toContain(theme);
  });

  it('material pages are searchable, and every basis links to the law', () => {
    for (const m of materials) {
      const doc = page(`/materials/${m.id}/`);
      expect(doc.querySelector('[data-pagefind-body]'), m.id).not.toBeNull();
      for (const a of doc.querySelectorAll('.basis a'))
        expect(a.getAttribute('href')).toMatch(/^\/law\/(\d+\/|excerpts\/#)/);
    }
  });

  it('slogans are a list, one slogan per item', () => {
    const slogans = materials.find((m) => m.data.kind === '标语')!;
    const items = page(`/materials/${slogans.id}/`).querySelectorAll('.slogans .statement-text');
    expect(items.map((i) => i.text)).toEqual(slogans.data.slogans.map((s) => s.text));
  });

  it('the letter is signed with the organization from the config, and lists channels without calling 12337', () => {
    const letter = materials.find((m) => m.data.kind === '一封信')!;
    const doc = page(`/materials/${letter.id}/`);
    expect(doc.querySelector('.letter-sign')!.text.trim()).toBe(
      config.organization || '（主办单位）',
    );
    expect(doc.querySelector('.letter-greeting')!.text.trim()).toBe(
      config.region ? `${config.region}的居民朋友们：` : '居民朋友们：',
    );
    const hrefs = doc.querySelectorAll('.letter a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('tel:110');
    expect(hrefs).not.toContain('tel:12337');
    expect(doc.querySelector('.letter')!.text).not.toMatch(
      /(拨打|致电|热线|电话)[^。；\n]{0,12}12337/,
    );
  });
});
