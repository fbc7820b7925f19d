import QRCode from 'qrcode';
// The SVG renderer on its own, so the code is encoded once (QRCode.toString would encode it again).
import { render as renderSvg } from 'qrcode/lib/renderer/svg-tag.js';

/**
 * QR codes for printed posters, made at build time: no service is called.
 *
 * - Error correction Q (about 25% of the code may be lost): posters hang outdoors, get
 *   folded, taped over and dirty. Short links keep the code small all the same
 *   (http://localhost:4321/q/kg43/ is version 3, 29 × 29 modules).
 * - Quiet zone of 4 modules, the minimum of ISO/IEC 18004: scanners need the white border.
 * - Printed at QR_PRINT_MM wide (with the quiet zone), the modules of a version 3–4 code are
 *   1.1–1.3 mm, which phone cameras read from arm's length.
 *
 * The SVG uses presentation attributes only (fill, stroke), never style="", so it passes a
 * Content-Security-Policy without 'unsafe-inline'.
 */

export const QR_ERROR_CORRECTION = 'Q' as const;
export const QR_QUIET_ZONE = 4;
/** Printed width of the whole code, quiet zone included, in millimetres (poster.css matches it). */
export const QR_PRINT_MM = 46;

export interface QrCode {
  /** The inline SVG markup. */
  svg: string;
  /** QR version 1–40. */
  version: number;
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** Printed module size at QR_PRINT_MM, in millimetres. */
  moduleMm: number;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function makeQrCode(text: string, label: string): Promise<QrCode> {
  const opts = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE } as const;
  const qr = QRCode.create(text, opts);
  const raw = renderSvg(qr, { ...opts, color: { dark: '#000000', light: '#ffffff' } });
  if (/\sstyle=/.test(raw))
    throw new Error('qrcode: the SVG carries a style attribute, which the CSP forbids');
  const modules = qr.modules.size;
  const svg = raw
    .trim()
    .replace(
      /^<svg /,
      `<svg class="qr" role="img" aria-label="${escapeAttr(label)}" data-qr-version="${qr.version}" data-qr-modules="${modules}" `,
    );
  return {
    svg,
    version: qr.version,
    modules,
    moduleMm: QR_PRINT_MM / (modules + 2 * QR_QUIET_ZONE),
  };
}
