/**
 * MSW request handlers for every operation of the spec, built from the generated route table.
 * The same handlers serve app tests (msw/node), the HTTP server and the browser worker.
 */
import { http, matchRequestUrl, type HttpHandler } from 'msw';
import { BASE_PATH } from './constants.ts';
import { routes } from './generated/routes.ts';
import { handleOperation } from './handle-operation.ts';
import type { MockOptions } from './options.ts';
import { plainProblem } from './problems.ts';
import { toResponse } from './respond.ts';
import { createState } from './state.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';

/** The answer when no operation matches: 405 for a known path, 404 otherwise. */
function unmatched(baseUrl: string, request: Request): Response {
  const url = new URL(request.url);
  const allowed = routes
    .filter((r) => matchRequestUrl(url, `${baseUrl}${r.mswPath}`).matches)
    .map((r) => r.method);
  if (allowed.length > 0) {
    const reply = plainProblem(
      405,
      `${request.method} is not documented for ${url.pathname}; documented: ${allowed.join(', ')}.`,
      url.pathname,
    );
    return toResponse({ ...reply, headers: { Allow: allowed.join(', ') } });
  }
  return toResponse(
    plainProblem(
      404,
      `No operation of the Car Owner API matches ${request.method} ${url.pathname}. See the API reference for the documented paths.`,
      url.pathname,
    ),
  );
}

/**
 * One MSW handler per operation (most specific path first) plus a catch-all for unknown paths
 * under the base URL. Each call has its own state (tokens, profile version).
 *
 * @example
 * const server = setupServer(...createHandlers({ baseUrl: 'https://api.minbil.no/api/co' }));
 */
export function createHandlers(options: MockOptions = {}): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? `*${BASE_PATH}`).replace(/\/+$/, '');
  const state = createState(options.now);
  const handlers = routes.map((route) =>
    http[route.method.toLowerCase() as Method](
      `${baseUrl}${route.mswPath}`,
      async ({ request, params }) => {
        try {
          const override = options.overrides?.[route.operationId as keyof typeof options.overrides];
          return await handleOperation(route, state, { request, params }, override);
        } catch (error) {
          return toResponse(
            plainProblem(500, `The mock failed to answer: ${(error as Error).message}`),
          );
        }
      },
    ),
  );
  handlers.push(http.all(`${baseUrl}/*`, ({ request }) => unmatched(baseUrl, request)));
  return handlers;
}
