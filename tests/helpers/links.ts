import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { walk } from '../harness/dist.ts';

/**
 * Checks every internal link and anchor in a built site: each URL on the site's own
 * origin that a page links to or loads must be a file in the build, and each
 * #fragment must be an id (or <a name>) on the target page. Written here because the
 * link checkers on npm either crawl over HTTP or check external links too.
 */

export interface LinkProblem {
  page: string;
  url: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  /** Internal URLs checked (page, url pairs). */
  links: number;
  /** Of those, URLs with a #fragment. */
  anchors: number;
  problems: LinkProblem[];
}

const URL_ATTRS: Array<[string, string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['audio[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
];
const SRCSET = ['img[srcset]', 'source[srcset]'];

/**
 * @param dist the build output folder
 * @param baseUrl the public base URL the site was built for (may have a sub-path)
 */
export function checkLinks(dist: string, baseUrl: string): LinkReport {
  const root = new URL(baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  const basePath = root.pathname;
  const files = walk(dist).map((f) => relative(dist, f).split(sep).join('/'));
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));

  const ids = new Map<string, Set<string>>();
  const docs = new Map<string, ReturnType<typeof parse>>();
  for (const f of htmlFiles) {
    const doc = parse(readFileSync(join(dist, f), 'utf8'));
    docs.set(f, doc);
    ids.set(
      f,
      new Set([
        ...doc.querySelectorAll('[id]').map((e) => e.id),
        ...doc.querySelectorAll('a[name]').map((e) => e.getAttribute('name')!),
      ]),
    );
  }

  const isDir = (rel: string) => {
    try {
      return statSync(join(dist, rel)).isDirectory();
    } catch {
      return false;
    }
  };
  /** The built file a path below the base is served from, or a problem. */
  const target = (rel: string): { file: string } | { problem: string } => {
    if (rel === '' || rel.endsWith('/')) {
      return fileSet.has(rel + 'index.html')
        ? { file: rel + 'index.html' }
        : { problem: 'no such page' };
    }
    if (fileSet.has(rel)) return { file: rel };
    if (isDir(rel)) return { problem: 'folder without the trailing slash' };
    return { problem: 'no such file' };
  };

  const report: LinkReport = { pages: htmlFiles.length, links: 0, anchors: 0, problems: [] };
  for (const f of htmlFiles) {
    const doc = docs.get(f)!;
    const pageUrl = new URL(f.replace(/(^|\/)index\.html$/, '$1'), root);
    const page = '/' + f.replace(/(^|\/)index\.html$/, '$1');
    const refs = [
      ...URL_ATTRS.flatMap(([sel, attr]) =>
        doc.querySelectorAll(sel).map((e) => e.getAttribute(attr)!),
      ),
      ...SRCSET.flatMap((sel) =>
        doc.querySelectorAll(sel).flatMap((e) =>
          e
            .getAttribute('srcset')!
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0]!),
        ),
      ),
    ];
    for (const ref of refs) {
      let url: URL;
      try {
        url = new URL(ref, pageUrl);
      } catch {
        report.problems.push({ page, url: ref, problem: 'not a valid URL' });
        continue;
      }
      if (!/^https?:$/.test(url.protocol) || url.origin !== root.origin) continue;
      report.links++;
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(basePath)) {
        report.problems.push({
          page,
          url: ref,
          problem: `outside the site's base path ${basePath}`,
        });
        continue;
      }
      const rel = path.slice(basePath.length);
      const found = target(rel);
      if ('problem' in found) {
        report.problems.push({ page, url: ref, problem: found.problem });
        continue;
      }
      if (url.hash) {
        report.anchors++;
        const id = decodeURIComponent(url.hash.slice(1));
        const targetIds = ids.get(found.file);
        if (!targetIds)
          report.problems.push({ page, url: ref, problem: 'fragment on a file that is not HTML' });
        else if (!targetIds.has(id))
          report.problems.push({
            page,
            url: ref,
            problem: `no element with id "${id}" on ${found.file}`,
          });
      }
    }
  }
  return report;
}
