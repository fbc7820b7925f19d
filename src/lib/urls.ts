/**
 * Site-internal URLs. Every link goes through href() so that a deployment under a
 * sub-path (baseUrl https://host/pufa/) works without touching any page.
 */

function base(): string {
  const b = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return b.endsWith('/') ? b : b + '/';
}

/** "/law/61/" → "/pufa/law/61/" when the site lives under /pufa/. */
export function href(path: string): string {
  if (!path.startsWith('/')) throw new Error(`href: expected a root-relative path, got "${path}"`);
  return base() + path.slice(1);
}

/** Absolute URL on the configured public address, for canonical links, sitemaps and QR codes. */
export function absoluteUrl(baseUrl: string, path: string): string {
  const root = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  return new URL(path.replace(/^\//, ''), root).href;
}

export const lawArticlePath = (n: number): string => `/law/${n}/`;
