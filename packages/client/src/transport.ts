/**
 * The `fetch` handed to openapi-fetch for one call. openapi-fetch middleware cannot re-send a
 * request (its body is consumed), so auth, idempotency keys, retries, timeouts, the deadline and
 * token refresh all live here. Every attempt returns a fully read Response or a typed error.
 */
import { sendAttempt, type FetchLike } from './attempt.ts';
import { NetworkError, TimeoutError } from './errors.ts';
import type { EtagCache } from './etag-cache.ts';
import { IDEMPOTENCY_HEADER } from './idempotency.ts';
import type { OperationInfo } from './operation-info.ts';
import {
  IDEMPOTENT_METHODS,
  RETRYABLE_STATUSES,
  backoffDelay,
  retryAfterDelay,
  type ResolvedRetryOptions,
} from './retry-policy.ts';
import type { Session } from './session.ts';
import type { AuthTokens } from './token-store.ts';
import { linkSignal, sleep } from './signals.ts';

/** The refresh call authenticates with the refresh token and must never trigger itself. */
export const REFRESH_KEY = 'POST /auth/refresh';

export interface TransportDeps {
  fetch: FetchLike;
  /** The caller's own fetch, if any: it gets a Request; without one, URL and init go straight to globalThis.fetch. */
  userFetch: FetchLike | undefined;
  session: Session;
  apiKey: string | undefined;
  apiKeyHeader: string | null;
  etags: EtagCache;
}

/** What the client knows about one call; the transport fills in the outcome. */
export interface CallContext {
  method: string;
  key: string;
  operationId: string;
  op: OperationInfo | undefined;
  /** False for a ReadableStream body: it cannot be sent twice, so no retry and no refresh. */
  replayable: boolean;
  retry: ResolvedRetryOptions;
  timeoutMs: number;
  /** Bounds the whole call, retries and waits included. @default none */
  deadlineMs: number | undefined;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** Sent as `Idempotency-Key` on every attempt of this call. */
  idempotencyKey: string | undefined;
  /** ETag cache key of the attempt that produced the final response. */
  cacheKey?: string | undefined;
  response?: Response | undefined;
}

/**
 * What the transport sends: built fresh for every attempt, with the attempt's headers and signal.
 * Without middleware the core hands over URL and init, so each attempt builds exactly one Request;
 * a Request from middleware is cloned per attempt while its body may be needed again.
 */
export interface Outgoing {
  url: string;
  method: string;
  headers: Headers;
  make(headers: Headers, signal: AbortSignal): Request;
  /** The init when there is no middleware Request: fetch(url, init) then builds the only Request. */
  init?: RequestInit;
  /** Hand back a Response whose body can be read again (middleware may read it). */
  copy?: boolean;
}

export function outgoingFromInit(url: string, init: RequestInit & { headers: Headers }): Outgoing {
  return {
    url,
    method: init.method ?? 'GET',
    headers: init.headers,
    init,
    make: (headers, signal) => new Request(url, { ...init, headers, signal }),
  };
}

export function outgoingFromRequest(request: Request, replayable: boolean): Outgoing {
  return {
    url: request.url,
    method: request.method,
    headers: request.headers,
    copy: true,
    make: (headers, signal) =>
      new Request(request.body && replayable ? request.clone() : request, { headers, signal }),
  };
}

export function createCallFetch(
  deps: TransportDeps,
  ctx: CallContext,
): (request: Outgoing) => Promise<Response> {
  return async (request) => {
    const deadline =
      ctx.deadlineMs === undefined
        ? undefined
        : linkSignal(ctx.signal, ctx.deadlineMs, () => {
            const { method, operationId } = ctx;
            return new TimeoutError(ctx.deadlineMs!, { method, operationId, scope: 'call' });
          });
    const signal = deadline?.signal ?? ctx.signal;
    const added: string[] = [];
    try {
      // A synchronous store is read without an await (each one is a turn of the microtask queue).
      const peeked = wantsTokens(ctx, request) ? deps.session.peek() : null;
      const tokens = (isPromise(peeked) ? await peeked : peeked) ?? null;
      let auth = authorize(deps, ctx, request, added, tokens);
      let response = await sendWithRetries(deps, ctx, request, auth.headers, signal);
      if (response.status === 401 && auth.token && ctx.replayable) {
        // At most once per call: the retried request never comes back here.
        const token = await deps.session.tokenAfter(auth.token);
        auth = authorize(deps, ctx, request, added, tokens, token);
        response = await sendWithRetries(deps, ctx, request, auth.headers, signal);
      }
      ctx.response = response;
      return response;
    } finally {
      deadline?.done();
    }
  };
}

/**
 * Whether the call sends a token from the store. A caller-supplied Authorization header wins and
 * opts the call out of refresh.
 */
function wantsTokens(ctx: CallContext, request: Outgoing): boolean {
  const security = ctx.op?.security ?? 'none';
  return !request.headers.has('authorization') && (security !== 'none' || ctx.key === REFRESH_KEY);
}

/**
 * Adds exactly the credentials the spec asks for, the idempotency key and `If-None-Match`.
 * The core's headers are this call's own, so they are filled in place (no copy per call); the
 * names added are recorded so the replay after a refresh starts from the caller's headers again.
 * A middleware Request's headers are copied: middleware may still look at them.
 */
function authorize(
  deps: TransportDeps,
  ctx: CallContext,
  request: Outgoing,
  added: string[],
  tokens: AuthTokens | null,
  token?: string,
) {
  if (added.length > 0) for (const name of added.splice(0)) request.headers.delete(name);
  const headers = request.copy ? new Headers(request.headers) : request.headers;
  const set = (name: string, value: string) => {
    headers.set(name, value);
    added.push(name);
  };
  const security = ctx.op?.security ?? 'none';
  let sent: string | undefined;
  // asked after the previous attempt's own headers are removed: a copy has the same ones
  if (wantsTokens(ctx, request)) {
    if (ctx.key === REFRESH_KEY) {
      if (tokens?.refreshToken) set('authorization', `Bearer ${tokens.refreshToken}`);
    } else if (security === 'bearer' || security === 'optional') {
      sent = token ?? tokens?.accessToken;
      if (sent) set('authorization', `Bearer ${sent}`);
    }
  }
  if (
    security === 'apiKey' &&
    deps.apiKey &&
    deps.apiKeyHeader &&
    !headers.has(deps.apiKeyHeader)
  ) {
    set(deps.apiKeyHeader, deps.apiKey);
  }
  if (ctx.idempotencyKey && !headers.has(IDEMPOTENCY_HEADER))
    set(IDEMPOTENCY_HEADER, ctx.idempotencyKey);
  if (ctx.op?.conditional && request.method === 'GET') {
    ctx.cacheKey = deps.etags.key(request.url, sent);
    const etag = deps.etags.size() === 0 ? undefined : deps.etags.etag(ctx.cacheKey);
    if (etag && !headers.has('if-none-match')) set('if-none-match', etag);
  }
  return { headers, token: sent };
}

/** Retried: idempotent methods, and any method sent with an idempotency key. */
function retriesFor(ctx: CallContext, request: Outgoing, headers: Headers): number {
  if (!ctx.replayable) return 0;
  const safe = IDEMPOTENT_METHODS.has(request.method) || headers.has(IDEMPOTENCY_HEADER);
  return safe ? ctx.retry.maxRetries : 0;
}

async function sendWithRetries(
  deps: TransportDeps,
  ctx: CallContext,
  request: Outgoing,
  headers: Headers,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const { retry } = ctx;
  const retries = retriesFor(ctx, request, headers);
  const info = { method: ctx.method, operationId: ctx.operationId };
  const { init, url } = request;
  // globalThis.fetch(url, init) builds one Request; handing it a Request would build a second
  // one following the signal (the cost of a call is mostly this).
  const platform = !!init && !deps.userFetch;
  const send = platform
    ? (attemptSignal: AbortSignal) =>
        globalThis.fetch(url, { ...init, headers, signal: attemptSignal })
    : (attemptSignal: AbortSignal) => deps.fetch(request.make(headers, attemptSignal));
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await sendAttempt(send, signal, ctx.timeoutMs, info, request.copy, platform);
    } catch (error) {
      const transient =
        error instanceof NetworkError ||
        (error instanceof TimeoutError && error.scope === 'attempt');
      if (!transient || attempt >= retries) throw error;
      await sleep(backoffDelay(attempt, retry), signal);
      continue;
    }
    if (attempt >= retries || !RETRYABLE_STATUSES.has(response.status)) return response;
    const wait =
      retryAfterDelay(response.headers, retry.maxRetryAfterMs) ?? backoffDelay(attempt, retry);
    await sleep(wait, signal);
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
