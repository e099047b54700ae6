/**
 * The `fetch` handed to openapi-fetch for one call. openapi-fetch middleware cannot re-send a
 * request (its body is consumed), so auth, retries, timeouts and token refresh all live here.
 */
import { discard, fetchAttempt, sleep, type FetchLike } from './attempt.ts';
import { NetworkError, TimeoutError } from './errors.ts';
import type { EtagCache } from './etag-cache.ts';
import type { OperationInfo } from './generated/operations.ts';
import {
  IDEMPOTENT_METHODS,
  RETRYABLE_STATUSES,
  backoffDelay,
  retryAfterDelay,
  type ResolvedRetryOptions,
} from './retry-policy.ts';
import type { Session } from './session.ts';

/** The refresh call authenticates with the refresh token and must never trigger itself. */
export const REFRESH_KEY = 'POST /auth/refresh';

export interface TransportDeps {
  fetch: FetchLike;
  session: Session;
  apiKey: string | undefined;
  apiKeyHeader: string | null;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  etags: EtagCache;
}

/** What the client knows about one call; the transport fills in the outcome. */
export interface CallContext {
  key: string;
  op: OperationInfo | undefined;
  /** False for a ReadableStream body: it cannot be sent twice, so no retry and no refresh. */
  replayable: boolean;
  /** ETag cache key of the attempt that produced the final response. */
  cacheKey?: string | undefined;
  response?: Response | undefined;
}

export function createCallFetch(deps: TransportDeps, ctx: CallContext): FetchLike {
  return async (request) => {
    const signal = request.signal ?? undefined;
    let auth = await authorize(deps, ctx, request);
    let response = await sendWithRetries(deps, ctx, request, auth.headers, signal);
    if (response.status === 401 && auth.token && ctx.replayable) {
      // At most once per call: the retried request never comes back here.
      await discard(response);
      const token = await deps.session.tokenAfter(auth.token);
      auth = await authorize(deps, ctx, request, token);
      response = await sendWithRetries(deps, ctx, request, auth.headers, signal);
    }
    ctx.response = response;
    return response;
  };
}

/** Adds exactly the credentials the spec asks for, plus `If-None-Match` from the ETag cache. */
async function authorize(deps: TransportDeps, ctx: CallContext, request: Request, token?: string) {
  const headers = new Headers(request.headers);
  const security = ctx.op?.security ?? 'none';
  let sent: string | undefined;
  // A caller-supplied Authorization header wins and opts the call out of refresh.
  if (!headers.has('authorization')) {
    const tokens = await deps.session.tokens();
    if (ctx.key === REFRESH_KEY) {
      if (tokens?.refreshToken) headers.set('authorization', `Bearer ${tokens.refreshToken}`);
    } else if (security === 'bearer' || security === 'optional') {
      sent = token ?? tokens?.accessToken;
      if (sent) headers.set('authorization', `Bearer ${sent}`);
    }
  }
  if (
    security === 'apiKey' &&
    deps.apiKey &&
    deps.apiKeyHeader &&
    !headers.has(deps.apiKeyHeader)
  ) {
    headers.set(deps.apiKeyHeader, deps.apiKey);
  }
  if (ctx.op?.conditional && request.method === 'GET') {
    ctx.cacheKey = deps.etags.key(request.url, sent);
    const etag = deps.etags.etag(ctx.cacheKey);
    if (etag && !headers.has('if-none-match')) headers.set('if-none-match', etag);
  }
  return { headers, token: sent };
}

async function sendWithRetries(
  deps: TransportDeps,
  ctx: CallContext,
  request: Request,
  headers: Headers,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const { retry } = deps;
  const retries = ctx.replayable && IDEMPOTENT_METHODS.has(request.method) ? retry.maxRetries : 0;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetchAttempt(deps.fetch, request, headers, signal, deps.timeoutMs);
    } catch (error) {
      const transient = error instanceof NetworkError || error instanceof TimeoutError;
      if (!transient || attempt >= retries) throw error;
      await sleep(backoffDelay(attempt, retry), signal);
      continue;
    }
    if (attempt >= retries || !RETRYABLE_STATUSES.has(response.status)) return response;
    const wait =
      retryAfterDelay(response.headers, retry.maxRetryAfterMs) ?? backoffDelay(attempt, retry);
    await discard(response);
    await sleep(wait, signal);
  }
}
