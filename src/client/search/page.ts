/**
 * The search page's wiring: the form, the debounce, the address bar, the status line
 * and the 搜索全文 button. Ranking is in src/lib/search/rank.ts, downloads in load.ts,
 * drawing in render.ts.
 */
import { loadHints } from './load.ts';
import { renderResult, suggestions } from './render.ts';
import { prefetchShards, searchSite, type SearchOutcome } from './run.ts';

/** Wait this long after the last keystroke before searching. */
export const DEBOUNCE_MS = 120;
/** With fewer results than this, suggestions are shown too. */
const FEW_RESULTS = 3;

export function startSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#search-page-q');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  const help = document.querySelector<HTMLElement>('#search-help');
  if (!input || !list || !status || !help) return;
  const form = input.form!;
  const selectedType = () =>
    form.querySelector<HTMLInputElement>('input[name="type"]:checked')?.value || undefined;
  let generation = 0;

  async function run(fullText = false): Promise<void> {
    const q = input!.value.trim();
    const type = selectedType();
    const mine = ++generation;
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    if (type) url.searchParams.set('type', type);
    else url.searchParams.delete('type');
    history.replaceState(null, '', url);
    if (!q) {
      list!.replaceChildren();
      help!.replaceChildren();
      status!.textContent = '';
      return;
    }
    status!.textContent = '正在搜索……';
    let outcome: SearchOutcome;
    try {
      outcome = await searchSite(q, type, { fullText });
    } catch {
      if (mine !== generation) return;
      status!.textContent = '搜索暂时无法使用，请检查网络后再试。';
      return;
    }
    if (mine !== generation) return;
    const { results, partial, firstStage } = outcome;
    list!.replaceChildren(...results.map((r) => renderResult(r, q)));
    const where = type ? `（${type}）` : '';
    status!.textContent =
      results.length === 0
        ? `没有找到与“${q}”相关的内容${where}。`
        : `找到 ${results.length} 条与“${q}”相关的结果${where}。`;
    if (fullText) list!.querySelectorAll('a')[Math.min(firstStage, results.length - 1)]?.focus();
    const parts: HTMLElement[] = [];
    if (results.length < FEW_RESULTS) parts.push(suggestions(q, await loadHints()));
    if (partial) {
      // Pagefind (150 kB and more with its index) loads only when the reader asks.
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'search-more';
      more.textContent = results.length ? '搜索全文，查看更多结果' : '在全文中再找一找';
      more.addEventListener('click', () => void run(true));
      parts.push(more);
    }
    help!.replaceChildren(...parts);
  }

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    prefetchShards(input.value);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'type') void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });

  const params = new URLSearchParams(location.search);
  const t = params.get('type');
  if (t)
    form.querySelector<HTMLInputElement>(`input[name="type"][value="${CSS.escape(t)}"]`)?.click();
  const initial = params.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
