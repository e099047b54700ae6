/**
 * The fallback in-browser mock: answers with the operation's documented success example, read from
 * the page itself (the `data-status` blocks), so it needs no network and no service worker.
 */
import { viewOf } from '../same-as.ts';
import type { TryItResult } from './types.ts';

export function exampleResponse(section: Element): TryItResult {
  const blocks = [...section.querySelectorAll<HTMLElement>('[data-status]')];
  const ok = blocks.find((b) => /^2/.test(b.dataset.status ?? '')) ?? blocks[0];
  if (!ok) {
    return {
      status: 204,
      statusText: 'No Content',
      headers: [],
      body: '',
      note: 'No documented example.',
    };
  }
  const status = Number.parseInt(ok.dataset.status ?? '200', 10) || 200;
  return {
    status,
    statusText: status < 300 ? 'OK' : 'Example',
    headers: [['content-type', ok.dataset.contentType || 'application/json']],
    // a repeated sample not yet copied in place reads the first one it names (same-as.ts)
    body: viewOf(ok).querySelector('code')?.textContent ?? '',
    note: 'Documented example, answered in the browser (mock bundle not available).',
  };
}
