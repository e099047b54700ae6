/**
 * Single-flight token refresh. With refresh-token rotation and reuse detection (RFC 9700), a
 * second concurrent refresh can revoke the whole token family, so every concurrent 401 shares
 * one refresh, and a 401 for a token that was already replaced reuses the new one.
 * The token store may be slow and async (SecureStore, IndexedDB): every decision is taken
 * synchronously from in-memory state before the first await, so a store read that returns a
 * stale token cannot start a second refresh.
 */
import { bodyText, sendAttempt, type FetchLike } from './attempt.ts';
import { toApiError } from './error-mapping.ts';
import { MinbilClientError, SessionExpiredError } from './errors.ts';
import { RETRYABLE_STATUSES } from './retry-policy.ts';
import { tokensFromResponse, type AuthTokens, type TokenStore } from './token-store.ts';

export interface SessionDeps {
  store: TokenStore;
  fetch: FetchLike;
  /** Absolute URL of `POST /auth/refresh`. */
  refreshUrl: string;
  timeoutMs: number;
  onSessionExpired: ((error: SessionExpiredError) => void | Promise<void>) | undefined;
}

export interface Session {
  /** Current tokens, or null when signed out. */
  tokens(): Promise<AuthTokens | null>;
  /** The store's answer as it comes: synchronous for a synchronous store (no await per call). */
  peek(): AuthTokens | null | undefined | Promise<AuthTokens | null | undefined>;
  /**
   * A token to retry with after `rejected` got a 401: the current one if it already differs,
   * else the result of the (shared) refresh. Throws SessionExpiredError.
   */
  tokenAfter(rejected: string): Promise<string>;
  /** Refreshes now (joining a refresh in flight). */
  refresh(): Promise<string>;
}

export function createSession(deps: SessionDeps): Session {
  let inflight: Promise<string> | undefined;
  // The last successful refresh and the token it replaced: a late 401 for that token joins it.
  let replaced: { token: string; next: Promise<string> } | undefined;

  const refresh = (rejected?: string) => {
    if (inflight) return inflight;
    const run = runRefresh(deps);
    inflight = run;
    if (rejected) replaced = { token: rejected, next: run };
    run.then(
      () => {
        inflight = undefined;
      },
      () => {
        // A failed refresh is not reused: a later 401 may try again (once per call).
        inflight = undefined;
        if (replaced?.next === run) replaced = undefined;
      },
    );
    return run;
  };

  /** The in-memory answer for `rejected`, or undefined when the store must be asked. */
  const known = (rejected: string) =>
    inflight ?? (replaced?.token === rejected ? replaced.next : undefined);

  return {
    tokens: async () => (await deps.store.get()) ?? null,
    peek: () => deps.store.get(),
    refresh: () => refresh(),
    tokenAfter(rejected) {
      const joined = known(rejected);
      if (joined) return joined;
      return (async () => {
        const current = (await deps.store.get())?.accessToken;
        // While the store was read, a refresh may have started or finished.
        const settled = known(rejected);
        if (settled) return settled;
        if (current && current !== rejected) return current;
        return refresh(rejected);
      })();
    },
  };
}

async function runRefresh(deps: SessionDeps): Promise<string> {
  const tokens = await deps.store.get();
  if (!tokens?.refreshToken) {
    // Only a live session "expires": stragglers after sign-out must not re-fire the hook.
    throw await expire(deps, new SessionExpiredError('no-refresh-token'), Boolean(tokens));
  }
  let response: Response;
  try {
    const headers = new Headers({
      authorization: `Bearer ${tokens.refreshToken}`,
      accept: 'application/json',
    });
    // No retries: a lost answer may already have rotated the token, and a replay would reuse it.
    response = await sendAttempt(
      (signal) => deps.fetch(new Request(deps.refreshUrl, { method: 'POST', headers, signal })),
      undefined,
      deps.timeoutMs,
      { method: 'POST', operationId: 'refreshToken' },
    );
  } catch (error) {
    throw new SessionExpiredError('unavailable', { cause: error });
  }
  const text = await bodyText(response).catch(() => '');
  const body = parseJson(text);
  if (!response.ok) {
    const cause = toApiError(response, body ?? text);
    if (RETRYABLE_STATUSES.has(response.status) || response.status >= 500) {
      throw new SessionExpiredError('unavailable', { cause });
    }
    throw await expire(deps, new SessionExpiredError('rejected', { cause }), true);
  }
  if (!isTokenBody(body)) {
    const cause = new MinbilClientError('Refresh response has no access_token');
    throw await expire(deps, new SessionExpiredError('invalid-response', { cause }), true);
  }
  const next = tokensFromResponse(body, tokens);
  await deps.store.set(next);
  return next.accessToken;
}

/** Clears the tokens and tells the app once per session end; returns the error to throw. */
async function expire(deps: SessionDeps, error: SessionExpiredError, notify: boolean) {
  if (!notify) return error;
  await deps.store.set(null);
  try {
    await deps.onSessionExpired?.(error);
  } catch {
    // A failing hook must not replace the error the caller needs to see.
  }
  return error;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function isTokenBody(body: unknown): body is { access_token: string; refresh_token?: string } {
  if (typeof body !== 'object' || body === null) return false;
  const { access_token, refresh_token } = body as Record<string, unknown>;
  return typeof access_token === 'string' && ['string', 'undefined'].includes(typeof refresh_token);
}
