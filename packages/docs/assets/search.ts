/**
 * Offline search: MiniSearch over the documents of `search-index.json` (`{ options, documents }`,
 * fetched and indexed on first use, as Redoc indexes in the browser). Prefix and typo-tolerant
 * matching ("cancle bookng" finds cancelBooking); matched words are highlighted. `/` focuses the
 * box; arrows move through hits; Enter opens; Escape closes.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { el } from './dom.ts';

type Kind = 'operation' | 'parameter' | 'schema' | 'response' | 'guide' | 'namespace';
interface Hit {
  kind: Kind;
  title: string;
  path: string;
  summary: string;
  url: string;
  terms: string[];
}

/** Typos allowed per query word: none up to 3 letters, 1 up to 5, then 2 (a swap is 2 edits). */
export const fuzzyFor = (term: string): number => (term.length <= 3 ? 0 : term.length <= 5 ? 1 : 2);

const SEARCH = {
  boost: { title: 3, path: 2, summary: 2 },
  prefix: (term: string) => term.length >= 2,
  fuzzy: (term: string) => fuzzyFor(term),
  weights: { fuzzy: 0.3, prefix: 0.6 },
};

let index: Promise<MiniSearch> | undefined;

function loadIndex(): Promise<MiniSearch> {
  index ??= fetch('search-index.json')
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.json() as Promise<{ options: Options; documents: unknown[] }>;
    })
    .then((file) => {
      const search = new MiniSearch(file.options);
      search.addAll(file.documents);
      return search;
    });
  return index;
}

/** Text with every word that a matched term starts (or equals) wrapped in `<mark>`; DOM only. */
function marked(text: string, terms: readonly string[]): (Node | string)[] {
  if (!terms.length || !text) return [text];
  const out: (Node | string)[] = [];
  const words = /[\p{L}\p{N}_]+/gu;
  let last = 0;
  for (const m of text.matchAll(words)) {
    const word = m[0].toLowerCase();
    if (!terms.some((t) => word.startsWith(t) || (t.length > 3 && t.startsWith(word)))) continue;
    out.push(text.slice(last, m.index), el('mark', {}, m[0]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

const KIND_LABEL: Record<Kind, string> = {
  operation: 'operation',
  parameter: 'parameter',
  schema: 'schema',
  response: 'response',
  guide: 'guide',
  namespace: 'namespace',
};

function render(list: HTMLElement, hits: Hit[], query: string): void {
  list.replaceChildren();
  if (!query) {
    list.hidden = true;
    return;
  }
  if (!hits.length) list.append(el('li', { class: 'empty' }, `No results for “${query}”`));
  hits.forEach((hit, i) => {
    const a = el('a', { href: hit.url, id: `search-hit-${i}` });
    a.append(
      el('span', { class: `kind k-${hit.kind}` }, KIND_LABEL[hit.kind] ?? hit.kind),
      ' ',
      el('strong', {}, ...marked(hit.title, hit.terms)),
    );
    if (hit.path && hit.kind !== 'operation')
      a.append(' ', el('span', { class: 'hit-path' }, hit.path));
    if (hit.summary)
      a.append(el('span', { class: 'hit-summary' }, ...marked(hit.summary, hit.terms)));
    list.append(el('li', {}, a));
  });
  list.hidden = false;
}

export function initSearch(): void {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  if (!(input instanceof HTMLInputElement) || !list) return;
  let active = -1;
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const focusHit = (i: number) => {
    const all = links();
    if (!all.length) return;
    active = (i + all.length) % all.length;
    all[active]!.focus();
  };

  input.addEventListener('focus', () => void loadIndex().catch(() => undefined), { once: true });
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    active = -1;
    try {
      const search = await loadIndex();
      if (input.value.trim() !== query) return; // a newer keystroke wins
      const results = search.search(query, SEARCH) as (SearchResult & Omit<Hit, 'terms'>)[];
      const words = query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
      const hits = results.slice(0, 12).map((r) => ({
        ...r,
        terms: [...new Set([...r.terms, ...words])],
      }));
      render(list, hits, query);
    } catch {
      list.replaceChildren(
        el('li', { class: 'empty' }, 'Search needs the site served over http (pnpm docs:serve).'),
      );
      list.hidden = false;
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (e.preventDefault(), focusHit(0));
    if (e.key === 'Enter') links()[0]?.click();
  });
  list.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (e.preventDefault(), focusHit(active + 1));
    if (e.key === 'ArrowUp')
      (e.preventDefault(), active <= 0 ? input.focus() : focusHit(active - 1));
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const typing = t?.closest('input, textarea, select, [contenteditable="true"]');
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
    }
    if (e.key === 'Escape' && !list.hidden) {
      list.hidden = true;
      input.focus();
    }
  });
  list.addEventListener('click', () => (list.hidden = true));
}
