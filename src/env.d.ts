declare module 'virtual:aocl/site-config' {
  const config: import('./lib/config/schema.ts').SiteConfig;
  export const production: boolean;
  export const devServer: boolean;
  export default config;
}

declare module 'virtual:aocl/redirects' {
  import type { Redirect } from './lib/permalinks/redirects.ts';
  const redirects: Redirect[];
  export default redirects;
}

/** URL of a module built as its own chunk, for import(url) on demand: src/integrations/lazy-chunks.ts. */
declare module 'lazy:*' {
  const url: string;
  export default url;
}

/** The PDFs of a print build (`npm run build:print`), or null in a plain build: src/integrations/print-files.ts. */
declare module 'virtual:aocl/print-files' {
  const manifest: import('./lib/print/files.ts').PrintManifest | null;
  export default manifest;
}

declare module 'qrcode/lib/renderer/svg-tag.js' {
  import type { QRCode, QRCodeRenderersOptions } from 'qrcode';
  /** qrcode's SVG renderer, given a code QRCode.create() made. */
  export function render(qr: QRCode, options?: QRCodeRenderersOptions): string;
}
