/**
 * A large response view (a schema's field list, a response sample) is written once per namespace
 * page. Where the same view comes again on that page, a short placeholder links to the first one
 * (`data-same-as="<id>"`), and docs.js (packages/docs/assets/same-as.ts) puts a copy of it in
 * place when the placeholder scrolls into view, so a reader with JavaScript sees the page as if
 * every view were written out. Stripe's pages were 116 MB, three quarters of it the same few
 * schemas and samples (`customer`, its list envelope, the error object) under every operation
 * that returns one; Redoc renders those in the browser too.
 */
import { escapeHtml } from '../escape.ts';

/** Views shorter than this are written again: a placeholder and a copy would save little. */
export const REPEAT_MIN_CHARS = 4096;

interface First {
  id: string;
  /** What the link says: `the 200 response of <code>GET /pets</code>`. */
  where: string;
  size: number;
}

export interface PageRepeats {
  /**
   * The view for `key`: `render()` the first time (its root element must carry `id`), and again
   * while it is short; else `placeholder(link)`, where `link` points to the first one.
   */
  view(
    key: string,
    id: string,
    where: string,
    render: () => string,
    placeholder: (link: string, firstId: string) => string,
  ): string;
}

export function createPageRepeats(): PageRepeats {
  const firsts = new Map<string, First>();
  return {
    view(key, id, where, render, placeholder) {
      const first = firsts.get(key);
      if (first && first.size >= REPEAT_MIN_CHARS)
        return placeholder(`<a href="#${escapeHtml(first.id)}">${first.where}</a>`, first.id);
      const html = render();
      if (!first) firsts.set(key, { id, where, size: html.length });
      return html;
    },
  };
}

/** A page without repeats (every view written out): the default outside namespace pages. */
export const NO_REPEATS: PageRepeats = {
  view: (_key, _id, _where, render) => render(),
};
