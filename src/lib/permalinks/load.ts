import { readFileSync } from 'node:fs';
import { parseRedirects, REDIRECTS_FILE, RedirectsError, type Redirect } from './redirects.ts';

/** Reads content/redirects.yaml; a missing file means no redirects. */
export function loadRedirects(file: string = REDIRECTS_FILE): Redirect[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parseRedirects(text, file);
}

export { RedirectsError };
