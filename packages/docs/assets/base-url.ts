/**
 * The one snippet base URL: the Settings field rewrites the `BASE_URL` line of every snippet, quoted
 * for its language (POSIX single quotes for shell, JSON.stringify for JS). Kept for the tab session.
 */
import { announce } from './dom.ts';

const KEY = 'minbil-docs-base-url';

const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/** Each snippet's BASE_URL value is one highlighted string token (`.base`): only it changes. */
function rewrite(base: string): void {
  for (const token of document.querySelectorAll<HTMLElement>('[data-quoting] code .base')) {
    const shell = token.closest<HTMLElement>('[data-quoting]')?.dataset.quoting === 'shell';
    token.textContent = shell ? shellQuote(base) : JSON.stringify(base);
  }
}

function valid(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function initBaseUrl(): void {
  const input = document.getElementById('base-url');
  if (!(input instanceof HTMLInputElement)) return;
  let saved: string | null = null;
  try {
    saved = sessionStorage.getItem(KEY);
  } catch {
    // storage disabled: the default stays
  }
  if (saved && valid(saved) && saved !== input.value) {
    input.value = saved;
    rewrite(saved);
  }
  input.addEventListener('change', () => {
    const value = input.value.trim().replace(/\/+$/, '');
    if (!valid(value)) {
      input.setAttribute('aria-invalid', 'true');
      announce('Enter an http or https URL');
      return;
    }
    input.removeAttribute('aria-invalid');
    rewrite(value);
    try {
      sessionStorage.setItem(KEY, value);
    } catch {
      // not kept across pages then
    }
    announce('Snippets now use ' + value);
  });
}
