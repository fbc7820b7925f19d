import Organization from './Organization.astro';
import Region from './Region.astro';

/**
 * Components that material MDX files may use without importing them:
 * <Organization /> (主办单位) and <Region /> (地区), filled from the site config.
 */
export const materialComponents = { Organization, Region };
