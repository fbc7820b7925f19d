import Cite from './Cite.astro';
import Organization from './Organization.astro';
import Region from './Region.astro';
import Scenario from './Scenario.astro';

/**
 * The components editors may use in MDX, without imports. The content check
 * rejects any other component name, so this list is the single source of truth
 * (src/lib/content/components.ts names them for the check; a test keeps both equal).
 */
export const mdxComponents = { Cite, Scenario, Organization, Region };
