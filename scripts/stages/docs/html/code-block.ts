/**
 * Code blocks (highlighted at build time, with a copy button that copies the `<code>` element's
 * text, i.e. exactly the snippet) and tab groups (ARIA tabs; docs.js wires the keys and keeps the
 * chosen snippet language across pages).
 */
import { escapeHtml, safeId } from '../escape.ts';
import { highlight, type HighlightLang } from './highlight.ts';

export interface CodeBlockOptions {
  id: string;
  label: string;
  code: string;
  /** Snippet language id (`curl`, `fetch`, …): lets the UI rewrite the base URL line. */
  lang?: string;
  /** How the UI re-quotes the base URL: `shell` or `js`. */
  quoting?: 'shell' | 'js';
}

/** The code itself: `<pre><code>` with a copy button. `note` marks a fragment that is not runnable. */
export function codeBlock(
  id: string,
  label: string,
  code: string,
  lang: HighlightLang,
  attrs = '',
  note = '',
): string {
  const safe = safeId(id);
  let html = highlight(code, lang);
  // the string assigned to BASE_URL is the one span the Settings field rewrites
  if (attrs.includes('data-quoting'))
    html = html.replace(/(BASE_URL\s*=\s*)<span class="t-s">/, '$1<span class="t-s base">');
  return (
    `<div class="code"${attrs}><div class="code-bar"><span class="code-label">${escapeHtml(label)}</span>${note ? ` <span class="fragment">${escapeHtml(note)}</span>` : ''}` +
    `<button type="button" class="copy" data-copy="${safe}" aria-label="Copy ${escapeHtml(label)}">Copy</button></div>` +
    `<pre tabindex="0"><code id="${safe}" class="lang-${lang}">${html}</code></pre></div>`
  );
}

/** A snippet for one language, quoting kept in data attributes for the base-URL rewrite. */
export function snippetCode(o: CodeBlockOptions): string {
  const data = o.lang
    ? ` data-lang="${escapeHtml(o.lang)}" data-quoting="${o.quoting ?? 'js'}"`
    : '';
  return codeBlock(
    o.id,
    `${o.label} snippet`,
    o.code,
    o.quoting === 'shell' ? 'shell' : 'js',
    data,
  );
}

/** A JSON (or text) example block with a copy button. */
export function exampleBlock(id: string, value: unknown, label = 'Example', attrs = ''): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '');
  return codeBlock(id, label, text, typeof value === 'string' ? 'text' : 'json', attrs);
}

export interface Tab {
  /** Stable key (`curl`, `200`): the persisted choice for `group="lang"`. */
  key: string;
  label: string;
  /** Trusted HTML. */
  panel: string;
}

/**
 * ARIA tabs: the first (or `selected`) panel shows, the others are `hidden` until docs.js switches.
 * `group` names what the tabs choose (`lang` is remembered across pages).
 */
export function tabs(
  id: string,
  label: string,
  items: readonly Tab[],
  group = '',
  selected = 0,
): string {
  if (!items.length) return '';
  const base = safeId(id);
  const buttons = items
    .map(
      (t, i) =>
        `<button type="button" role="tab" id="${base}-t${i}" aria-controls="${base}-p${i}" aria-selected="${i === selected}"${i === selected ? '' : ' tabindex="-1"'} data-key="${escapeHtml(t.key)}">${escapeHtml(t.label)}</button>`,
    )
    .join('');
  const panels = items
    .map(
      (t, i) =>
        `<div role="tabpanel" id="${base}-p${i}" aria-labelledby="${base}-t${i}"${i === selected ? '' : ' hidden'}>${t.panel}</div>`,
    )
    .join('');
  return `<div class="tabs"${group ? ` data-group="${escapeHtml(group)}"` : ''}><div role="tablist" aria-label="${escapeHtml(label)}">${buttons}</div>${panels}</div>`;
}
