import { describe, expect, it } from 'vitest';
import { contentDir, contentPath, contentRoot } from '../../src/lib/content/dir.ts';

describe('the content folder', () => {
  it('is content/ unless CONTENT_DIR names another', () => {
    expect(contentDir({})).toBe('content');
    expect(contentDir({ CONTENT_DIR: '  ' })).toBe('content');
    expect(contentDir({ CONTENT_DIR: '/tmp/bench/content/' })).toBe('/tmp/bench/content');
  });

  it('builds paths inside it', () => {
    expect(contentPath('law', {})).toBe('content/law');
    expect(contentPath('/site.yaml', { CONTENT_DIR: '/tmp/x' })).toBe('/tmp/x/site.yaml');
  });

  it('names the folder that holds content/, and refuses a CONTENT_DIR not called content', () => {
    expect(contentRoot('/repo', {})).toBe('/repo');
    expect(contentRoot('/repo', { CONTENT_DIR: '/tmp/bench/content/' })).toBe('/tmp/bench');
    expect(contentRoot('/repo', { CONTENT_DIR: 'other/content' })).toBe('/repo/other');
    expect(() => contentRoot('/repo', { CONTENT_DIR: '/tmp/bench/stuff' })).toThrow(
      /CONTENT_DIR must name a folder called content/,
    );
  });
});
