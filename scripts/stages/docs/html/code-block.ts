/** Code blocks with a copy button. The button copies the `<code>` element's text, i.e. exactly the snippet. */
import { escapeHtml, safeId } from '../escape.ts';

export interface CodeBlockOptions {
  id: string;
  label: string;
  code: string;
  /** Snippet language id (`curl`, `fetch`, …): lets the UI rewrite the base URL line. */
  lang?: string;
  /** How the UI re-quotes the base URL: `shell` or `js`. */
  quoting?: 'shell' | 'js';
  open?: boolean;
}

/** A collapsible snippet block (`<details>`), the first one of a group usually open. */
export function snippetBlock(o: CodeBlockOptions): string {
  const id = safeId(o.id);
  const data = o.lang
    ? ` data-lang="${escapeHtml(o.lang)}" data-quoting="${o.quoting ?? 'js'}"`
    : '';
  return (
    `<details class="snippet"${data}${o.open ? ' open' : ''}><summary>${escapeHtml(o.label)}</summary>` +
    `<div class="code"><button type="button" class="copy" data-copy="${id}" aria-label="Copy ${escapeHtml(o.label)} snippet">Copy</button>` +
    `<pre tabindex="0"><code id="${id}">${escapeHtml(o.code)}</code></pre></div></details>`
  );
}

/** A plain example block (JSON bodies) with a copy button. */
export function exampleBlock(id: string, value: unknown, label = 'Example', attrs = ''): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '');
  const safe = safeId(id);
  return (
    `<div class="code example"${attrs}><span class="code-label">${escapeHtml(label)}</span>` +
    `<button type="button" class="copy" data-copy="${safe}" aria-label="Copy ${escapeHtml(label.toLowerCase())}">Copy</button>` +
    `<pre tabindex="0"><code id="${safe}">${escapeHtml(text)}</code></pre></div>`
  );
}
