/** Results and suggestions as DOM nodes (text only: nothing from the index is parsed as HTML). */
import { nearestTerms, type SearchHints } from '../../lib/search/hints.ts';
import { withBase } from './load.ts';
import type { DisplayResult } from './run.ts';

/** Text nodes with every occurrence of the query's words wrapped in <mark>. */
function markText(text: string, query: string): Node[] {
  const words = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [document.createTextNode(text)];
  const re = new RegExp(`(${words.join('|')})`, 'g');
  return text.split(re).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const m = document.createElement('mark');
    m.textContent = part;
    return m;
  });
}

/** Rebuilds pagefind's excerpt (text with <mark>) as DOM nodes, keeping only the marks. */
function excerptNodes(html: string): Node[] {
  const out: Node[] = [];
  let marked = false;
  const decoder = document.createElement('textarea');
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      decoder.innerHTML = part.replace(/<[^>]*>/g, '');
      const text = document.createTextNode(decoder.value);
      if (marked) {
        const m = document.createElement('mark');
        m.append(text);
        out.push(m);
      } else out.push(text);
    }
  }
  return out;
}

export function renderResult(r: DisplayResult, query: string): HTMLLIElement {
  const li = document.createElement('li');
  const type = document.createElement('span');
  type.className = 'result-type';
  type.textContent = r.type;
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.title;
  const p = document.createElement('p');
  p.append(
    ...(r.excerptHtml !== undefined
      ? excerptNodes(r.excerptHtml)
      : markText(r.description ?? '', query)),
  );
  li.append(type, ' ', a, p);
  return li;
}

/** "Did you mean" glossary terms and the main sections, for queries with few results. */
export function suggestions(query: string, h: SearchHints): HTMLElement {
  const terms = nearestTerms(query, h);
  const box = document.createElement('div');
  box.className = 'notice';
  const p = document.createElement('p');
  p.textContent = terms.length ? '您可以试试这些词：' : '您可以换个说法，或者从这里找：';
  box.append(p);
  const ul = document.createElement('ul');
  ul.className = 'link-list';
  const link = (href: string, text: string) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    li.append(a);
    ul.append(li);
  };
  for (const t of terms) link(withBase(`/search/?q=${encodeURIComponent(t.t)}`), t.t);
  link(withBase('/qa/'), '全部问答');
  link(withBase('/glossary/'), '词语解释');
  link(withBase('/report/'), '我要举报');
  box.append(ul);
  return box;
}
