/**
 * When and how long to wait before retrying. The sets are deliberately small and written down
 * (also in README.md): only answers that say "try again" and only requests that are safe to repeat.
 */

/**
 * Methods safe to repeat: RFC 9110 section 9.2.2 idempotent methods. POST and PATCH are retried
 * only with an `Idempotency-Key` (per call, or automatic where the spec marks the operation).
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

/**
 * Statuses that are retried (besides connection errors and timeouts): 408 Request Timeout,
 * 429 Too Many Requests, 502 Bad Gateway, 503 Service Unavailable, 504 Gateway Timeout.
 * Not 500 (usually a bug that repeats) nor any other 4xx (the request itself is wrong).
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number;
  /** Delay before the first retry; doubles each retry. @default 500 */
  baseDelayMs?: number;
  /** Upper bound of the exponential delay. @default 8000 */
  maxDelayMs?: number;
  /** A `Retry-After` above this is ignored in favour of the exponential delay. @default 60000 */
  maxRetryAfterMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

const DEFAULTS: ResolvedRetryOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** Fills `options` from `base` (the client's options, or the defaults); `false` means no retries. */
export function resolveRetryOptions(
  options: RetryOptions | false | undefined,
  base: ResolvedRetryOptions = DEFAULTS,
): ResolvedRetryOptions {
  if (options === undefined) return base;
  if (options === false) return { ...base, maxRetries: 0 };
  return { ...base, ...options };
}

/** Exponential backoff with up to 25% jitter downwards, so clients do not retry in lockstep. */
export function backoffDelay(retry: number, options: ResolvedRetryOptions): number {
  const delay = Math.min(options.baseDelayMs * 2 ** retry, options.maxDelayMs);
  return delay * (1 - Math.random() * 0.25);
}

/**
 * The server's requested wait, from `retry-after-ms` or `Retry-After` (delta-seconds or an
 * HTTP-date, RFC 9110 section 10.2.3). Undefined when absent, unparseable, negative or above the cap.
 */
export function retryAfterDelay(
  headers: Headers,
  maxMs: number,
  now = Date.now(),
): number | undefined {
  let ms: number | undefined;
  const precise = headers.get('retry-after-ms');
  const header = headers.get('retry-after');
  if (precise !== null && /^\d+(\.\d+)?$/.test(precise.trim())) ms = Number(precise);
  else if (header !== null && /^\d+$/.test(header.trim())) ms = Number(header) * 1000;
  else if (header !== null) {
    const date = Date.parse(header);
    if (!Number.isNaN(date)) ms = Math.max(0, date - now);
  }
  return ms !== undefined && ms >= 0 && ms <= maxMs ? ms : undefined;
}
