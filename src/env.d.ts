declare module 'virtual:aocl/site-config' {
  import type { SiteConfig } from './lib/config/schema.ts';
  const config: SiteConfig;
  export const production: boolean;
  export const devServer: boolean;
  export default config;
}
