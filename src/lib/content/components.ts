/** Names of the MDX components editors may use (see src/components/mdx/index.ts). */
export const EDITOR_COMPONENTS = ['Cite', 'Scenario', 'Organization', 'Region'] as const;
