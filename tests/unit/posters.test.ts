import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { firstSentence, webAddress } from '../../src/lib/channel-format.ts';
import { MAX_WEIGHT, textSize, textWeight, titleSize } from '../../src/lib/posters/fit.ts';
import { posterPath } from '../../src/lib/routes.ts';
import { makeQrCode, QR_PRINT_MM, QR_QUIET_ZONE } from '../../src/lib/posters/qr.ts';
import { errorCorrectionLevel } from '../helpers/qr-format.ts';

describe('poster QR codes', () => {
  it('are inline SVG without style attributes, with quiet zone and a label', async () => {
    const qr = await makeQrCode('http://localhost:4321/q/kg43/', '二维码');
    expect(qr.svg.startsWith('<svg class="qr" role="img" aria-label="二维码"')).toBe(true);
    expect(qr.svg).not.toMatch(/\sstyle=/);
    expect(qr.svg).not.toMatch(/<style/);
    // The viewBox includes the quiet zone on both sides.
    expect(qr.svg).toContain(
      `viewBox="0 0 ${qr.modules + 2 * QR_QUIET_ZONE} ${qr.modules + 2 * QR_QUIET_ZONE}"`,
    );
    expect(qr.modules).toBe(17 + 4 * qr.version);
  });

  it('stay small for short links: version 4 or below, modules over 1 mm when printed 46 mm wide', async () => {
    const qr = await makeQrCode('https://www.example.gov.cn/pufa/q/kg43/', 'x');
    expect(qr.version).toBeLessThanOrEqual(4);
    expect(qr.moduleMm).toBeGreaterThan(1);
    expect(QR_PRINT_MM).toBe(46);
    // poster.css prints it at that size.
    expect(readFileSync('src/styles/poster.css', 'utf8')).toMatch(
      /\.qr \{[^}]*width: 46mm;\s*height: 46mm;/,
    );
  });

  it('carry error correction Q, as read back from the drawn format information', async () => {
    const qr = await makeQrCode('http://localhost:4321/q/kg43/', 'x');
    expect([qr.version, qr.modules]).toEqual([3, 29]);
    expect(errorCorrectionLevel(qr.svg, QR_QUIET_ZONE, qr.modules)).toBe('Q');
    // The reader tells levels apart: the same address at level L reads back as L.
    const low = await QRCode.toString('http://localhost:4321/q/kg43/', {
      errorCorrectionLevel: 'L',
      margin: QR_QUIET_ZONE,
      type: 'svg',
    });
    expect(errorCorrectionLevel(low, QR_QUIET_ZONE, 25)).toBe('L');
  });
});

describe('poster type sizes', () => {
  it('counts characters and line breaks', () => {
    expect(textWeight(['一二三', '四 五'])).toBe(3 + 2 + 2 * 12);
  });

  it('sets short text large and long text small, and refuses what cannot fit', () => {
    expect(textSize(['本法自2022年5月1日起施行。'])).toBe('t1');
    const long = Array.from({ length: 6 }, () => '字'.repeat(45)); // 6 × (45 + 12) = 342
    expect(textSize(long)).toBe('t7');
    expect(textSize(['字'.repeat(MAX_WEIGHT)])).toBeUndefined();
  });

  it('sizes titles by length', () => {
    expect(titleSize('第六十一条')).toBe('t1');
    expect(titleSize('国家工作人员涉黑涉恶，人人有权举报')).toBe('t4');
  });
});

describe('poster helpers', () => {
  it('builds poster paths', () => {
    expect(posterPath('law', 61)).toBe('/posters/law/61/');
    expect(posterPath('qa', 'baohusan')).toBe('/posters/qa/baohusan/');
  });

  it('shows channels compactly', () => {
    expect(firstSentence('举报涉黑涉恶线索。每条举报都会得到一个查询编码。')).toBe(
      '举报涉黑涉恶线索',
    );
    expect(webAddress({ url: 'https://www.12337.gov.cn/' })).toBe('www.12337.gov.cn');
    expect(webAddress({ url: 'https://example.gov.cn/report/' })).toBe('example.gov.cn/report/');
    expect(webAddress({})).toBeUndefined();
  });
});
