import { readFileSync } from 'node:fs';
import type { SearchHints } from '../../src/lib/search/hints.ts';
import { rankIds } from '../../src/lib/search/rank.ts';
import type { PageRecord, TextShard } from '../../src/lib/search/text-index.ts';
import { DIST } from '../harness/dist.ts';

/**
 * The first search stage over the built dist/, without a browser: search-hints.json, every
 * shard and every page-record block read from disk, ranked by the same pure function the
 * search page runs (src/lib/search/rank.ts).
 */
export function loadDistSearch(dist = DIST) {
  const hints = JSON.parse(readFileSync(`${dist}/search-hints.json`, 'utf8')) as SearchHints;
  const x = hints.x!;
  const shards = new Map(
    Array.from({ length: x?.s ?? 0 }, (_, i) => [
      i,
      JSON.parse(readFileSync(`${dist}/${x.dir}/${i}.json`, 'utf8')) as TextShard,
    ]),
  );
  const blocks = Math.ceil((x?.n ?? 0) / (x?.rb ?? 1));
  const records: PageRecord[] = Array.from(
    { length: blocks },
    (_, b) => JSON.parse(readFileSync(`${dist}/${x.dir}/p${b}.json`, 'utf8')) as PageRecord[],
  ).flat();
  const search = (q: string) => rankIds(q, hints, shards).map((id) => records[id]!.u);
  return { hints, x, shards, records, search };
}
