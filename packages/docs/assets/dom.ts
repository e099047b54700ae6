/** Tiny DOM helpers. Text always goes in through textContent: nothing here parses HTML. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

let live: HTMLElement | undefined;

/** Announces a short status to screen readers (one shared polite live region). */
export function announce(message: string): void {
  if (!live) {
    live = el('div', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
    document.body.append(live);
  }
  live.textContent = '';
  window.setTimeout(() => {
    if (live) live.textContent = message;
  }, 50);
}
