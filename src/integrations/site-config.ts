import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../lib/config/schema.ts';

/**
 * Exposes the validated site config to pages as `virtual:aocl/site-config`.
 * Validation itself happens in astro.config.mjs, before anything is built.
 */
export function siteConfigIntegration(
  config: SiteConfig,
  opts: { production: boolean },
): AstroIntegration {
  const id = 'virtual:aocl/site-config';
  const resolved = '\0' + id;
  return {
    name: 'aocl:site-config',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aocl:site-config',
                resolveId: (source: string) => (source === id ? resolved : undefined),
                load: (source: string) => {
                  if (source !== resolved) return undefined;
                  // Dates travel as ISO strings and are revived here.
                  return [
                    `const config = ${JSON.stringify(config)};`,
                    `for (const c of config.channels) c.verified = new Date(c.verified);`,
                    `export const production = ${JSON.stringify(opts.production)};`,
                    // Drafts show only in `astro dev`, whatever NODE_ENV says.
                    `export const devServer = ${JSON.stringify(command === 'dev')};`,
                    `export default config;`,
                  ].join('\n');
                },
              },
            ],
          },
        });
      },
    },
  };
}
