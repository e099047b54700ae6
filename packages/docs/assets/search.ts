/**
 * Offline search over the prebuilt MiniSearch index (`search-index.json`, loaded on first use).
 * `/` focuses the box; arrows move through hits; Enter opens; Escape closes.
 */
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from '../../../scripts/stages/docs/search-options.ts';
import { el } from './dom.ts';

type Hit = Pick<SearchDoc, 'kind' | 'title' | 'path' | 'summary' | 'url'>;

let index: Promise<MiniSearch<SearchDoc>> | undefined;

function loadIndex(): Promise<MiniSearch<SearchDoc>> {
  index ??= fetch('search-index.json')
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.text();
    })
    .then((text) =>
      MiniSearch.loadJSON<SearchDoc>(text, {
        ...SEARCH_OPTIONS,
        fields: [...SEARCH_OPTIONS.fields],
        storeFields: [...SEARCH_OPTIONS.storeFields],
      }),
    );
  return index;
}

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
      el('span', { class: `kind k-${hit.kind}` }, hit.kind),
      ' ',
      el('strong', {}, hit.title),
    );
    if (hit.path && hit.kind !== 'operation')
      a.append(' ', el('span', { class: 'hit-path' }, hit.path));
    if (hit.summary) a.append(el('span', { class: 'hit-summary' }, hit.summary));
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
      render(list, search.search(query).slice(0, 12) as unknown as Hit[], query);
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
