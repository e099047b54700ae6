/** Try-it consoles: built when their `<details>` first opens, from the operation's `data-op`. */
import { exampleResponse } from './example-mock.ts';
import { buildForm } from './form.ts';
import { buildRequest, send } from './request.ts';
import { MOCK_BASE_PATH, SERVERS, mockCredentials, startMsw } from './servers.ts';
import type { TryItOp, TryItRequest } from './types.ts';

function mount(details: HTMLDetailsElement): void {
  const host = details.querySelector<HTMLElement>('.tryit-body');
  const section = details.closest('section.op');
  if (!host?.dataset.op || !section || host.dataset.ready) return;
  host.dataset.ready = '1';
  const op = JSON.parse(host.dataset.op) as TryItOp;
  const example = section.querySelector('[data-request-example] code')?.textContent ?? '';
  const form = buildForm(op, example);
  host.replaceChildren(form.root);

  form.root.addEventListener('submit', async (event) => {
    event.preventDefault(); // never navigates: the console sends with fetch
    const server = SERVERS.find((s) => s.id === form.server()) ?? SERVERS[0]!;
    if (server.id === 'production' && !form.confirmed()) {
      form.show('Tick the confirmation first: this calls the production API.');
      return;
    }
    form.sendButton.disabled = true;
    let request: TryItRequest | undefined;
    try {
      if (server.id === 'mock' && !(await startMsw())) {
        form.show(exampleResponse(section));
        return;
      }
      const base = server.id === 'mock' ? location.origin + MOCK_BASE_PATH : server.baseUrl;
      const fallback = server.id === 'mock' ? mockCredentials() : undefined;
      request = buildRequest(op, base, form.values(), form.body(), fallback);
      const result = await send(request);
      form.show(
        server.id === 'mock'
          ? { ...result, note: 'Answered by the in-browser mock (MSW service worker).' }
          : result,
        request,
      );
    } catch (error) {
      form.show(
        `Request failed: ${(error as Error).message}. A local server must allow this origin (CORS).`,
        request,
      );
    } finally {
      form.sendButton.disabled = false;
    }
  });
}

export function initTryIt(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.tryit')) {
    details.addEventListener('toggle', () => details.open && mount(details));
    if (details.open) mount(details);
  }
}
