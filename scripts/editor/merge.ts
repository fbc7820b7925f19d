import { isMap, isSeq, parseDocument, stringify, type Node, type Pair } from 'yaml';

/**
 * Writes what the editor saved back into the existing YAML text with the smallest
 * change: a top-level field (or list item) whose value did not change keeps its bytes,
 * comments and style; a changed one is rewritten in place; so changing a title in the
 * editor changes the title line and nothing else (`git diff`). Decap CMS would otherwise
 * re-serialise the whole file in its own form, which would mean rewriting every content
 * file once and merging against colleagues who edit the same files by hand.
 */

const norm = (v: unknown): unknown => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => !isEmpty(x))
        .map(([k, x]) => [k, norm(x)]),
    );
  if (typeof v === 'number') return String(v);
  return v;
};
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(norm(a)) === JSON.stringify(norm(b));
export const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
};

/** Text span [from, to) of whole lines covering a node; `to` includes the newline. */
function span(text: string, start: number, end: number): [number, number] {
  // range end may sit after trailing whitespace/newlines: back up to the last content character
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return [lineStart(text, start), lineEnd(text, Math.max(start, e - 1))];
}

const dump = (value: unknown, flow: boolean): string =>
  stringify(value, {
    lineWidth: 0,
    flowCollectionPadding: false,
    collectionStyle: flow ? 'flow' : 'any',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
  });

function pairText(key: string, value: unknown, flowHint: boolean, comment?: string): string {
  let out = dump({ [key]: value }, false);
  if (flowHint && Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    out = `${key}: ${dump(value, true).trim()}\n`;
  }
  if (comment && !out.trimEnd().includes('\n')) out = `${out.trimEnd()}  #${comment}\n`;
  return out;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}
const apply = (text: string, edits: Edit[]) =>
  edits
    .sort((a, b) => b.from - a.from)
    .reduce((t, e) => t.slice(0, e.from) + e.text + t.slice(e.to), text);

/**
 * Merge a top-level mapping. `fields` are the keys the editor manages: one missing
 * from `next` is deleted; other keys in the file are kept untouched.
 */
export function mergeMap(
  oldText: string,
  next: Record<string, unknown>,
  fields: readonly string[],
): string {
  const doc = parseDocument(oldText);
  if (doc.errors.length || !isMap(doc.contents)) return dump(stripEmpty(next), false);
  const edits: Edit[] = [];
  const pairs = doc.contents.items as Pair<Node, Node>[];
  const seen = new Set<string>();
  let lastEnd = 0;
  for (const pair of pairs) {
    const key = String((pair.key as { value?: unknown })?.value);
    seen.add(key);
    const start = pair.key?.range?.[0] ?? 0;
    const end = pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? start;
    const [from, to] = span(oldText, start, end);
    lastEnd = Math.max(lastEnd, to);
    if (!fields.includes(key)) continue;
    const oldValue = pair.value ? (pair.value as Node).toJSON() : null;
    const newValue = next[key];
    if (isEmpty(newValue) && !(Array.isArray(newValue) && Array.isArray(oldValue))) {
      if (!isEmpty(oldValue)) edits.push({ from, to, text: '' });
      continue;
    }
    if (sameValue(oldValue, newValue)) continue;
    const flow = Boolean((pair.value as { flow?: boolean } | null)?.flow);
    const comment = (pair.value as { comment?: string } | null)?.comment;
    if (
      isSeq(pair.value) &&
      !flow &&
      isSeq(pair.value) &&
      Array.isArray(newValue) &&
      Array.isArray(oldValue)
    ) {
      edits.push(...mergeSeqEdits(oldText, pair.value as never, oldValue, newValue));
      continue;
    }
    edits.push({
      from,
      to,
      text: pairText(
        key,
        newValue,
        flow || (Array.isArray(oldValue) && oldValue.length === 0),
        comment,
      ),
    });
  }
  const added = Object.entries(next).filter(
    ([k, v]) => fields.includes(k) && !seen.has(k) && !isEmpty(v),
  );
  if (added.length) {
    const text = added
      .map(([k, v]) => pairText(k, v, Array.isArray(v) && v.every((x) => typeof x !== 'object')))
      .join('');
    const at = lastEnd || oldText.length;
    edits.push({
      from: at,
      to: at,
      text: (at > 0 && !oldText.slice(0, at).endsWith('\n') ? '\n' : '') + text,
    });
  }
  return apply(oldText, edits);
}

/** Frontmatter of a new file, fields in form order, short lists written [like, this] as in the templates. */
export function newFront(next: Record<string, unknown>): string {
  return Object.entries(next)
    .filter(([, v]) => !isEmpty(v))
    .map(([k, v]) =>
      pairText(k, v, Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')),
    )
    .join('');
}

function stripEmpty(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => !isEmpty(x)));
}

/** Edits turning a block sequence into `next`: unchanged items at both ends keep their bytes. */
function mergeSeqEdits(
  text: string,
  seq: { items: Node[]; range?: [number, number, number] },
  old: unknown[],
  next: unknown[],
): Edit[] {
  const items = seq.items;
  let head = 0;
  while (head < old.length && head < next.length && sameValue(old[head], next[head])) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < next.length - head &&
    sameValue(old[old.length - 1 - tail], next[next.length - 1 - tail])
  )
    tail++;
  const changedOld = items.slice(head, items.length - tail);
  const changedNew = next.slice(head, next.length - tail);
  if (changedOld.length === 0 && changedNew.length === 0) return [];
  // indentation of the sequence's dashes
  const firstItem = items[0];
  const firstStart = firstItem?.range?.[0] ?? seq.range?.[0] ?? 0;
  const dashLine = lineStart(text, firstStart);
  const indent = /^ */.exec(text.slice(dashLine))![0].length;
  const pad = ' '.repeat(indent);
  const blank = /\n\s*\n\s*-/.test(text.slice(dashLine, seq.range?.[1] ?? text.length)) ? '\n' : '';
  const render = (v: unknown) =>
    dump([v], false)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => pad + l)
      .join('\n') + '\n';
  // Same number of items, each a mapping on both sides: merge field by field inside each item.
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (
    changedOld.length === changedNew.length &&
    changedOld.every((n, i) => isMap(n) && isObj(changedNew[i]))
  ) {
    return changedOld.flatMap((n, i) => {
      const [from, to] = span(text, lineStart(text, n.range![0]), n.range![1]);
      const lines = text.slice(from, to).split('\n');
      const dash = /^( *)- /.exec(lines[0]!);
      if (!dash) return [{ from, to, text: render(changedNew[i]) }];
      const cut = dash[1]!.length + 2;
      const inner = lines
        .map((l, j) => (j === 0 ? l.slice(cut) : l.slice(Math.min(cut, /^ */.exec(l)![0].length))))
        .join('\n');
      const next = changedNew[i] as Record<string, unknown>;
      const keys = [
        ...new Set([...Object.keys((n as Node).toJSON() as object), ...Object.keys(next)]),
      ];
      const merged = mergeMap(inner, next, keys)
        .split('\n')
        .map((l, j) => (j === 0 ? `${dash[1]}- ${l}` : l ? ' '.repeat(cut) + l : l))
        .join('\n');
      return [{ from, to, text: merged }];
    });
  }
  const body = changedNew.map(render).join(blank);
  if (changedOld.length > 0) {
    const from = lineStart(text, changedOld[0]!.range![0]);
    const [, to] = span(text, changedOld[0]!.range![0], changedOld.at(-1)!.range![1]);
    return [{ from, to, text: body }];
  }
  // pure insertion: after the item before, or before the item after
  const before = items[head - 1];
  const at = before
    ? span(text, before.range![0], before.range![1])[1]
    : lineStart(text, items[head]?.range?.[0] ?? firstStart);
  return [{ from: at, to: at, text: before ? blank + body : body + blank }];
}

/** Merge a file whose top level is a list (glossary.yaml, quiz.yaml…). */
export function mergeList(oldText: string, next: unknown[]): string {
  const doc = parseDocument(oldText);
  if (
    doc.errors.length ||
    !isSeq(doc.contents) ||
    (doc.contents as { flow?: boolean }).flow ||
    doc.contents.items.length === 0
  ) {
    const head = oldText.split('\n').filter((l) => l.startsWith('#'));
    return (
      (head.length ? head.join('\n') + '\n\n' : '') + (next.length ? dump(next, false) : '[]\n')
    );
  }
  const old = doc.contents.toJSON() as unknown[];
  if (next.length === 0) {
    const from = lineStart(oldText, doc.contents.items[0]!.range![0]);
    return oldText.slice(0, from) + '[]\n';
  }
  return apply(oldText, mergeSeqEdits(oldText, doc.contents as never, old, next));
}
