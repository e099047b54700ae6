/**
 * Repeated response views (written by the docs stage, scripts/stages/docs/html/page-repeats.ts):
 * a placeholder `[data-same-as="<id>"]` stands where a namespace page shows a view it already
 * showed above. When the placeholder comes near the viewport (a closed `<details>` or a hidden
 * tab is not visible, so it waits until opened), it is replaced by a copy of the first view, its
 * ids suffixed so that tabs, labels and copy buttons in the copy point at the copy. Without
 * JavaScript the placeholder's link leads to the first view.
 */
const ID_REFS = ['aria-controls', 'aria-labelledby', 'data-copy', 'for'] as const;

let copies = 0;

/** A copy of `source` whose ids (and the attributes naming them) end in `suffix`. */
export function copyWithIds(source: Element, suffix: string): HTMLElement {
  const copy = source.cloneNode(true) as HTMLElement;
  const all = [copy, ...copy.querySelectorAll<HTMLElement>('*')];
  const ids = new Set<string>();
  for (const el of all) if (el.id) ids.add(el.id);
  for (const el of all) {
    if (el.id) el.id += suffix;
    for (const name of ID_REFS) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const refs = value.split(/\s+/).map((ref) => (ids.has(ref) ? ref + suffix : ref));
      el.setAttribute(name, refs.join(' '));
    }
  }
  return copy;
}

function fill(holder: HTMLElement): void {
  const source = document.getElementById(holder.dataset.sameAs ?? '');
  if (!source || !holder.isConnected) return;
  copies += 1;
  holder.replaceWith(copyWithIds(source, `-c${copies}`));
}

export function initSameAs(): void {
  const holders = [...document.querySelectorAll<HTMLElement>('[data-same-as]')];
  if (!holders.length) return;
  if (typeof IntersectionObserver !== 'function') {
    holders.forEach(fill);
    return;
  }
  // a screen ahead, so a copy is in place before the reader gets there
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        fill(entry.target as HTMLElement);
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const holder of holders) observer.observe(holder);
}

/** The view a block stands for: the block itself, or the first view a placeholder names. */
export function viewOf(block: HTMLElement): HTMLElement {
  const id = block.dataset.sameAs;
  return (id && document.getElementById(id)) || block;
}
