/**
 * The browser entry: the same handlers in a Service Worker, for the docs console. Bundled to
 * `dist/browser.js` by `pnpm --filter @minbil/car-owner-mock build:browser`, next to msw's
 * `mockServiceWorker.js`. Runs under a CSP without `unsafe-eval`: validators are precompiled.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from './handlers.ts';
import type { MockOptions } from './options.ts';

export { DEMO_ACCESS_TOKEN, DEMO_API_KEY, DEMO_REFRESH_TOKEN } from './constants.ts';

export interface WorkerOptions extends MockOptions {
  /** URL of msw's worker script, served from the page's origin. @default '/mockServiceWorker.js' */
  serviceWorkerUrl?: string;
}

/** Registers the worker and starts answering API calls from the page. Other requests pass through. */
export async function startMockWorker(options: WorkerOptions = {}): Promise<SetupWorker> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', ...rest } = options;
  const worker = setupWorker(...createHandlers(rest));
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    onUnhandledFrame: 'bypass',
    quiet: true,
  });
  return worker;
}
