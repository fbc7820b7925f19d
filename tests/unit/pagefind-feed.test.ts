import { describe, expect, it } from 'vitest';
import { orderedFeed } from '../../src/integrations/pagefind-feed.ts';
import { sourcePathOf } from '../../src/integrations/pagefind.ts';

describe('pages handed to pagefind while rendering', () => {
  it('reach pagefind in the order their rendering started, whatever order they finish in', () => {
    const sent: string[] = [];
    const feed = orderedFeed((path) => sent.push(path));
    const [a, b, c, d] = [feed.start(), feed.start(), feed.start(), feed.start()];
    feed.done(c, { path: '/qa/c/', html: 'c' });
    feed.done(b); // not searchable: skipped, but holds its place
    expect(sent).toEqual([]);
    expect(feed.undelivered).toBe(4);
    feed.done(a, { path: '/qa/a/', html: 'a' });
    expect(sent).toEqual(['/qa/a/', '/qa/c/']);
    expect(feed.undelivered).toBe(1);
    feed.done(d, { path: '/law/1/', html: 'd' });
    expect(sent).toEqual(['/qa/a/', '/qa/c/', '/law/1/']);
    expect(feed.undelivered).toBe(0);
  });

  it('names the file pagefind would have read for a page', () => {
    expect(sourcePathOf('/qa/how-to-report/')).toBe('qa/how-to-report/index.html');
    expect(sourcePathOf('/')).toBe('index.html');
  });
});
