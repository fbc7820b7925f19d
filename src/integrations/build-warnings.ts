/**
 * Rolldown warnings that say nothing about this site, dropped from the build log so that
 * deployers see the ones that do. Astro marks every MDX file's propagated-assets module
 * with its own "use astro:head-inject" directive, and Rolldown warns that it may not be
 * preserved: one multi-line warning per content file (75 today, 2,075 at 2,000 Q&A).
 * Astro reads the directive itself, so the warning is noise. Every other warning is passed on.
 */
interface Warning {
  code?: string;
  message: string;
}

export function isKnownNoise(warning: Warning): boolean {
  return (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')
  );
}

/** For Vite's build.rolldownOptions.onwarn. */
export function onBuildWarning(warning: Warning, warn: (w: Warning) => void): void {
  if (!isKnownNoise(warning)) warn(warning);
}
