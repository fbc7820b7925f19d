declare module 'virtual:aocl/site-config' {
  const config: import('./lib/config/schema.ts').SiteConfig;
  export const production: boolean;
  export const devServer: boolean;
  export default config;
}
