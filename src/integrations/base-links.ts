import { defineMdastPlugin } from 'satteri';

/**
 * Markdown links in content are written root-relative (/law/61/, /report/). When the
 * site is deployed under a sub-path (baseUrl https://host/pufa/), this prefixes them,
 * so editors never have to know where the site is deployed.
 */
export function baseLinksPlugin(base: string) {
  const prefix = base.replace(/\/$/, '');
  return defineMdastPlugin({
    name: 'aocl-base-links',
    link(node, ctx) {
      if (
        prefix &&
        node.url.startsWith('/') &&
        !node.url.startsWith('//') &&
        !node.url.startsWith(prefix + '/')
      ) {
        ctx.setProperty(node, 'url', prefix + node.url);
      }
    },
  });
}
