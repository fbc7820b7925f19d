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
