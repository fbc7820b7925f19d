import Cite from './Cite.astro';
import Scenario from './Scenario.astro';

/**
 * The components editors may use in MDX, without imports. The content check
 * rejects any other component name, so this list is the single source of truth.
 */
export const mdxComponents = { Cite, Scenario };
