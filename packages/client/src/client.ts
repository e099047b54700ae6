/**
 * The runtime core: openapi-fetch's request model, with a per-call fetch (auth, retries, timeouts,
 * refresh), spec-driven query serialization, ApiError mapping and the 304 cache. Multipart
 * encoding and validation are opt-in options (`./multipart`, `./validation` entries) so an app
 * that does not use them does not ship them; pagination is `./paginate` over the public client.
 * Generic over the operation table so it stays testable.
 */
import type { ClientOptions } from './client-options.ts';
import { toApiError } from './error-mapping.ts';
import { MalformedResponseError, MinbilClientError } from './errors.ts';
import { createEtagCache } from './etag-cache.ts';
import { newIdempotencyKey } from './idempotency.ts';
import { createOperationLookup, type OperationTable } from './operation-info.ts';
import { querySerializerFor } from './query-serializer.ts';
import { resolveRetryOptions, type RetryOptions } from './retry-policy.ts';
import { createSession } from './session.ts';
import { createMemoryTokenStore, tokensFromResponse } from './token-store.ts';
import { createCore, type CoreResult } from './request-core.ts';
import { createCallFetch, type CallContext, type TransportDeps } from './transport.ts';
import type { HeadersOptions, Middleware } from 'openapi-fetch';
import type { ApiResult, CarOwnerClient, SessionControls } from './types.ts';

type AnyInit = Record<string, unknown> & {
  params?: {
    query?: Record<string, unknown>;
    path?: Record<string, unknown>;
    header?: HeadersOptions;
  };
  retry?: RetryOptions | false;
  timeoutMs?: number;
  deadlineMs?: number;
  idempotencyKey?: string | true;
  signal?: AbortSignal | null;
};

export function createApiClient<Paths extends {}>(
  table: OperationTable,
  apiKeyHeader: string | null,
  options: ClientOptions,
): CarOwnerClient<Paths> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const lookup = createOperationLookup(table);
  const store = options.tokenStore ?? createMemoryTokenStore();
  const userFetch = options.fetch;
  // Called through globalThis: an unbound `fetch` throws "Illegal invocation" in browsers.
  const fetch = (request: Request) => (userFetch ? userFetch(request) : globalThis.fetch(request));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retry = resolveRetryOptions(options.retry);
  const { multipart, validation } = options;
  const etags = createEtagCache();
  const session = createSession({
    store,
    fetch,
    refreshUrl: `${baseUrl}/auth/refresh`,
    timeoutMs,
    onSessionExpired: options.onSessionExpired,
  });
  const deps: TransportDeps = {
    fetch,
    userFetch,
    session,
    apiKey: options.apiKey,
    apiKeyHeader,
    etags,
  };
  const core = createCore(baseUrl, options.headers);

  async function call(
    method: string,
    path: string,
    init: AnyInit = {},
  ): Promise<ApiResult<unknown>> {
    // Split what the core serializes from our per-call options and the RequestInit rest. The
    // rest is copied by hand: rest destructuring is a slow runtime call on every request.
    const {
      params,
      body: given,
      headers,
      bodySerializer,
      retry: callRetry,
      timeoutMs: callTimeout,
      deadlineMs,
      idempotencyKey,
      signal,
    } = init;
    const rest: Record<string, unknown> = {};
    for (const name in init) if (!OWN_KEYS.has(name)) rest[name] = init[name];
    const key = `${method} ${path}`;
    const op = lookup(method, path);
    const operationId = op?.operationId ?? key;
    // Plain-object bodies of multipart operations become FormData when the encoder is installed.
    const body = multipart && op?.multipart ? multipart(given, op) : given;
    const ctx: CallContext = {
      method,
      key,
      operationId,
      op,
      replayable: !isStream(body),
      retry: resolveRetryOptions(callRetry, retry),
      timeoutMs: callTimeout ?? timeoutMs,
      deadlineMs: deadlineMs ?? options.deadlineMs,
      signal: signal ?? undefined,
      // One key per call, the same on every retry and on the replay after a token refresh.
      idempotencyKey:
        typeof idempotencyKey === 'string'
          ? idempotencyKey
          : idempotencyKey || op?.idempotent
            ? newIdempotencyKey()
            : undefined,
    };
    validation?.request?.(operationId, { body, ...params });
    let result: CoreResult;
    try {
      result = await core.send({
        method,
        path,
        params,
        body,
        headers: headers as HeadersOptions | undefined,
        init: rest,
        querySerializer:
          typeof rest.querySerializer === 'function'
            ? (rest.querySerializer as (q: Record<string, unknown>) => string)
            : querySerializerFor(op),
        bodySerializer: bodySerializer as never,
        replayable: ctx.replayable,
        fetch: createCallFetch(deps, ctx),
      });
    } catch (error) {
      const response = ctx.response;
      // The body was read in full by the transport: what fails now is parsing it.
      if (error instanceof MinbilClientError || !response) throw error;
      throw new MalformedResponseError(
        operationId,
        response.status,
        response.headers.get('content-type'),
        { cause: error, method, requestId: response.headers.get('x-request-id') ?? undefined },
      );
    }
    const { response } = result;
    // openapi-fetch 0.17 reports a 304 as `{ error: '' }`: answer it from the ETag cache.
    const cached = response.status === 304 && ctx.cacheKey ? etags.recall(ctx.cacheKey) : undefined;
    if (cached) return { data: cached.data, response };
    if (!response.ok) {
      return { error: toApiError(response, result.error, { method, operationId }), response };
    }
    validation?.response(operationId, response.status, result.data);
    if (ctx.cacheKey && response.status === 200) {
      const etag = response.headers.get('etag');
      if (etag) etags.remember(ctx.cacheKey, etag, result.data);
    }
    return { data: result.data, response };
  }

  const controls: SessionControls = {
    tokens: () => session.tokens(),
    async save(tokens) {
      etags.clear();
      await store.set('access_token' in tokens ? tokensFromResponse(tokens) : tokens);
    },
    async signOut() {
      etags.clear();
      await store.set(null);
    },
    refresh: () => session.refresh(),
  };

  const method = (name: string) => (path: string, init?: AnyInit) => call(name, path, init);
  const client = {
    GET: method('GET'),
    PUT: method('PUT'),
    POST: method('POST'),
    DELETE: method('DELETE'),
    PATCH: method('PATCH'),
    HEAD: method('HEAD'),
    OPTIONS: method('OPTIONS'),
    session: controls,
    use: (...m: Middleware[]) => core.use(...m),
    eject: (...m: Middleware[]) => core.eject(...m),
  } satisfies Record<Exclude<keyof CarOwnerClient<Paths>, '~paths'>, unknown> as unknown;
  return client as CarOwnerClient<Paths>;
}

/** The init keys the client consumes; any other key is passed to fetch as RequestInit. */
const OWN_KEYS = new Set([
  'params',
  'body',
  'headers',
  'bodySerializer',
  'retry',
  'timeoutMs',
  'deadlineMs',
  'idempotencyKey',
  'signal',
]);

function isStream(value: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}
