import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  fillShortLinkPage,
  SHORT_LINK_LIST_FILE,
  SHORT_LINK_TEMPLATE_FILE,
  type ShortLinkEntry,
} from '../lib/permalinks/short-link-page.ts';
import { shortLinkPath } from '../lib/routes.ts';

/**
 * Writes the page of every /q/<code>/ short link from the one page the build rendered
 * (src/lib/permalinks/short-link-page.ts), then removes that template and the list.
 * Runs first in astro:build:generated, so every later hook sees the finished pages.
 */
export function shortLinksIntegration(): AstroIntegration {
  return {
    name: 'aocl:short-links',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const templateFile = join(out, SHORT_LINK_TEMPLATE_FILE);
        const listFile = join(out, SHORT_LINK_LIST_FILE);
        if (!existsSync(templateFile) || !existsSync(listFile))
          throw new Error(
            `short links: the build wrote no ${SHORT_LINK_TEMPLATE_FILE} or ${SHORT_LINK_LIST_FILE} (src/pages/q/)`,
          );
        const template = readFileSync(templateFile, 'utf8');
        const links = JSON.parse(readFileSync(listFile, 'utf8')) as ShortLinkEntry[];
        rmSync(dirname(templateFile), { recursive: true });
        rmSync(listFile);
        for (const link of links) {
          const file = join(out, shortLinkPath(link.code).slice(1), 'index.html');
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, fillShortLinkPage(template, link));
        }
        logger.info(`wrote ${links.length} short link pages (/q/<code>/)`);
      },
    },
  };
}
