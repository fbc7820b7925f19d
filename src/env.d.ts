declare module 'virtual:aocl/site-config' {
  import type { SiteConfig } from './lib/config/schema.ts';
  const config: SiteConfig;
  export const production: boolean;
  export const devServer: boolean;
  export default config;
}

/** URL of a module built as its own chunk, for import(url) on demand: src/integrations/lazy-chunks.ts. */
declare module 'lazy:*' {
  const url: string;
  export default url;
}
