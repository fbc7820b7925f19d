import { describe, expect, it } from 'vitest';
import { onBuildWarning } from '../../src/integrations/build-warnings.ts';

describe('build warnings', () => {
  const passed = (w: { code?: string; message: string }) => {
    const out: string[] = [];
    onBuildWarning(w, (x) => out.push(x.message));
    return out;
  };

  it("drops Rolldown's warning about Astro's own head-inject directive", () => {
    const message =
      'The semantics of the module level directive "use astro:head-inject" in "content/qa/x.mdx?astroPropagatedAssets" may not be preserved when bundling.';
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message })).toEqual([]);
  });

  it('passes on every other warning, other directives included', () => {
    const other =
      'The semantics of the module level directive "use client" in "x.js" may not be preserved.';
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message: other })).toEqual([other]);
    expect(passed({ code: 'UNRESOLVED_IMPORT', message: 'x' })).toEqual(['x']);
  });
});
