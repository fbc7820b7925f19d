declare module 'virtual:aocl/site-config' {
  import type { SiteConfig } from './lib/config/schema.ts';
  const config: SiteConfig;
  export const production: boolean;
  export default config;
}

declare module 'virtual:aocl/redirects' {
  import type { Redirect } from './lib/permalinks/redirects.ts';
  const redirects: Redirect[];
  export default redirects;
}
