import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/load.ts';
import { DIST } from '../harness/dist.ts';
import { checkLinks } from '../helpers/links.ts';

const { config } = loadSiteConfig();
const report = checkLinks(DIST, config.baseUrl);

describe('internal links and anchors across dist/', () => {
  it('checks every page, and the #art-<n> anchors among them', () => {
    expect(report.pages).toBeGreaterThan(80);
    expect(report.anchors).toBeGreaterThanOrEqual(77);
    console.info(
      `links: ${report.pages} pages, ${report.links} internal links (${report.anchors} with an anchor), ${report.problems.length} broken`,
    );
  });

  it('has no broken link or anchor', () => {
    expect(report.problems.map((p) => `${p.page} → ${p.url}: ${p.problem}`)).toEqual([]);
  });
});
