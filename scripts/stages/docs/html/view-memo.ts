/**
 * Large response views rendered once per site. The same schema's field list (or the same sample)
 * is written on several namespace pages (Stripe's `customer` on a dozen); page-repeats.ts links
 * repeats within a page, and this renders each view once and, on another page, respells only its
 * ids. A view's ids all start with the id it was rendered with, and only our templates write id
 * attributes (spec text is escaped, so it cannot hold `id="`), which makes the respelling exact.
 */
import { REPEAT_MIN_CHARS } from './page-repeats.ts';

/** The attributes that hold an id, or name one, in the views (tabs, code blocks, copy buttons). */
const ID_ATTRIBUTES = ['id', 'aria-controls', 'aria-labelledby', 'data-copy'];

export interface ViewMemo {
  /** `render(id)` for `key` the first time, else its first rendering with `id` in its ids. */
  view(key: string, id: string, render: (id: string) => string): string;
}

export function createViewMemo(): ViewMemo {
  const views = new Map<string, { id: string; html: string }>();
  return {
    view(key, id, render) {
      const kept = views.get(key);
      if (kept) return kept.id === id ? kept.html : respellIds(kept.html, kept.id, id);
      const html = render(id);
      // short views render again: keeping them would hold every page's small views for little
      if (html.length >= REPEAT_MIN_CHARS) views.set(key, { id, html });
      return html;
    },
  };
}

/** Every site build gets its own memo; this one keeps nothing (tests, the schemas page). */
export const NO_VIEW_MEMO: ViewMemo = { view: (_key, id, render) => render(id) };

/** `html` with each id attribute (and reference to one) that starts with `from` starting with `to`. */
export function respellIds(html: string, from: string, to: string): string {
  // one pass over the view for all four attributes (four replaceAll passes were 43 ms on Stripe)
  const parts = html.split(`="${from}`);
  const out = [parts[0]!];
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!;
    const named = ID_ATTRIBUTES.some((name) => before.endsWith(` ${name}`));
    out.push(`="${named ? to : from}`, parts[i]!);
  }
  return out.join('');
}
