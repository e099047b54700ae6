/**
 * ARIA tabs (written by the docs stage): click or arrow keys switch panels. A snippet language
 * chosen in one group (`data-group="lang"`) switches every group on the page and is remembered
 * in localStorage for the next page.
 */
const LANG_KEY = 'minbil-docs-lang';

function select(group: HTMLElement, tab: HTMLElement, focus = false): void {
  for (const t of group.querySelectorAll<HTMLElement>(':scope > [role="tablist"] > [role="tab"]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !on;
  }
  if (focus) tab.focus();
}

function selectKey(key: string, except?: HTMLElement): void {
  for (const group of document.querySelectorAll<HTMLElement>('.tabs[data-group="lang"]')) {
    if (group === except) continue;
    const tab = group.querySelector<HTMLElement>(
      `:scope > [role="tablist"] > [data-key="${CSS.escape(key)}"]`,
    );
    if (tab) select(group, tab);
  }
}

export function initTabs(): void {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved) selectKey(saved);
  } catch {
    // storage disabled: the first language stays
  }
  document.addEventListener('click', (e) => {
    const tab = (e.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    const group = tab?.closest<HTMLElement>('.tabs');
    if (!tab || !group) return;
    select(group, tab);
    if (group.dataset.group === 'lang' && tab.dataset.key) {
      // keep the clicked tab where it is on screen while other groups change height
      const before = tab.getBoundingClientRect().top;
      selectKey(tab.dataset.key, group);
      window.scrollBy(0, tab.getBoundingClientRect().top - before);
      try {
        localStorage.setItem(LANG_KEY, tab.dataset.key);
      } catch {
        // not remembered then
      }
    }
  });
  document.addEventListener('keydown', (e) => {
    const tab = (e.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    const group = tab?.closest<HTMLElement>('.tabs');
    if (!tab || !group || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const all = [
      ...group.querySelectorAll<HTMLElement>(':scope > [role="tablist"] > [role="tab"]'),
    ];
    const i = all.indexOf(tab);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? all.length - 1
          : (i + (e.key === 'ArrowRight' ? 1 : -1) + all.length) % all.length;
    e.preventDefault();
    select(group, all[next]!, true);
  });
}
