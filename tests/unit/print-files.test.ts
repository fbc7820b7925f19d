import { describe, expect, it } from 'vitest';
import { checkPrintFont } from '../../scripts/lib/print-pdfs.ts';
import { requestKind } from '../../src/lib/offline/plan.ts';
import {
  addToManifest,
  isManifestPath,
  parseManifest,
  printFilePathsFromFiles,
} from '../../src/lib/permalinks/manifest.ts';
import {
  materialBaseName,
  packList,
  packListNames,
  printFileName,
  printFileUrl,
  printSizesFor,
  safeFileName,
  type PrintFile,
} from '../../src/lib/print/files.ts';

describe('print files: sizes, addresses and names', () => {
  it('prints every poster A4, 宣传资料 also A3, and the 明白卡 also as A5 cards', () => {
    expect(printSizesFor('law')).toEqual(['a4']);
    expect(printSizesFor('qa')).toEqual(['a4']);
    expect(printSizesFor('materials', '海报')).toEqual(['a4', 'a3']);
    expect(printSizesFor('materials', '一封信')).toEqual(['a4', 'a3']);
    expect(printSizesFor('materials', '明白卡')).toEqual(['a4', 'a3', 'a5x2']);
  });

  it('gives each file an ASCII address that follows the poster address', () => {
    expect(printFileUrl('/posters/law/61/', 'a4')).toBe('/print/law-61-a4.pdf');
    expect(printFileUrl('/posters/materials/mingbaika/', 'a5x2')).toBe(
      '/print/materials-mingbaika-a5x2.pdf',
    );
    expect(printFileUrl('/posters/qa/can-i-report-anonymously/', 'a4')).toBe(
      '/print/qa-can-i-report-anonymously-a4.pdf',
    );
    expect(() => printFileUrl('/law/61/', 'a4')).toThrow();
  });

  it('gives each file a readable Chinese name', () => {
    expect(printFileName(materialBaseName('反有组织犯罪法明白卡'), 'a5x2')).toBe(
      '明白卡-A5-每张A4两份.pdf',
    );
    expect(printFileName(materialBaseName('致居民朋友的一封信'), 'a3')).toBe(
      '致居民朋友的一封信-A3.pdf',
    );
    expect(materialBaseName('反有组织犯罪法')).toBe('反有组织犯罪法');
    // Characters Windows refuses go; full-width punctuation stays.
    expect(safeFileName('能匿名举报吗? 能！a/b')).toBe('能匿名举报吗能！ab');
    expect(safeFileName('可以匿名举报吗？')).toBe('可以匿名举报吗？');
  });

  it('writes a pack list that reads back to the same names', () => {
    const files: PrintFile[] = [
      {
        poster: '/posters/materials/mingbaika/',
        size: 'a4',
        url: '/print/materials-mingbaika-a4.pdf',
        name: '明白卡-A4.pdf',
        bytes: 1,
      },
      {
        poster: '/posters/materials/mingbaika/',
        size: 'a5x2',
        url: '/print/materials-mingbaika-a5x2.pdf',
        name: '明白卡-A5-每张A4两份.pdf',
        bytes: 1,
      },
    ];
    const text = packList(files, '某某县委政法委');
    expect(text).toContain('主办单位：某某县委政法委');
    expect(packListNames(text)).toEqual(['明白卡-A4.pdf', '明白卡-A5-每张A4两份.pdf']);
    expect(packList(files, '')).toContain('主办单位：（未设置）');
  });
});

describe('print files in the URL manifest', () => {
  it('accepts print file addresses next to pages', () => {
    expect(parseManifest('/law/61/\n/print/law-61-a4.pdf\n/print/materials-pack.zip\n')).toEqual([
      '/law/61/',
      '/print/law-61-a4.pdf',
      '/print/materials-pack.zip',
    ]);
    expect(() => parseManifest('/print/明白卡.pdf\n')).toThrow(/不是本站网址/);
    expect(() => parseManifest('/law/61.pdf\n')).toThrow(/不是本站网址/);
    expect(isManifestPath('/print/law-61-a4.pdf')).toBe(true);
  });

  it('finds print files among the files of a build, and adds them', () => {
    const found = printFilePathsFromFiles([
      'print/law-61-a4.pdf',
      'print\\law-7-a4.pdf',
      'law/61/index.html',
      'print/readme.txt',
    ]);
    expect(found).toEqual(['/print/law-7-a4.pdf', '/print/law-61-a4.pdf']);
    expect(addToManifest('/law/61/\n', found).added).toEqual(found);
  });
});

describe('print files stay out of 离线保存', () => {
  const scope = 'https://example.org/pufa/';
  it('the service worker leaves them to the browser, even when opened as a page', () => {
    for (const mode of ['navigate', 'no-cors', 'cors']) {
      expect(requestKind({ url: `${scope}print/law-61-a4.pdf`, method: 'GET', mode }, scope)).toBe(
        'bypass',
      );
      expect(
        requestKind({ url: `${scope}print/materials-pack.zip`, method: 'GET', mode }, scope),
      ).toBe('bypass');
    }
    expect(requestKind({ url: `${scope}law/61/`, method: 'GET', mode: 'navigate' }, scope)).toBe(
      'page',
    );
  });
});

describe('the print font', () => {
  it('is installed here, and a missing font stops the print command naming the Debian package', () => {
    expect(() => checkPrintFont()).not.toThrow();
    expect(() => checkPrintFont('No Such Font Family 12345')).toThrow(/fonts-wqy-microhei/);
  });
});
