import { describe, expect, it } from 'vitest';
import { mdxComponents } from '../../src/components/mdx/index.ts';
import { EDITOR_COMPONENTS } from '../../src/lib/content/components.ts';

describe('editor components', () => {
  it('the content check allows exactly the components the pages provide', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...EDITOR_COMPONENTS].sort());
  });
});
