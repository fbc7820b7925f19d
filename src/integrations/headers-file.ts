import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/security-headers.ts';

/**
 * Writes dist/_headers after `astro build`, for static hosts and CDNs that read one.
 * The values come from src/lib/security-headers.ts, like the nginx config in deploy/.
 */
export function headersFileIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'aocl:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(new URL('_headers', dir), headersFile(base));
        logger.info('wrote _headers');
      },
    },
  };
}
