/** Options of `createClient`. Few on purpose; each one has a documented default. */
import type { HeadersOptions } from 'openapi-fetch';
import type { FetchLike } from './attempt.ts';
import type { SessionExpiredError } from './errors.ts';
import type { RetryOptions } from './retry-policy.ts';
import type { TokenStore } from './token-store.ts';
import type { ValidateMode, Validators } from './validation.ts';

export interface ClientOptions {
  /** API root including the server path, e.g. `https://api.minbil.no/api/co`. */
  baseUrl: string;
  /** Where tokens live. @default an in-memory store (lost on restart) */
  tokenStore?: TokenStore;
  /** Sent as `x-api-key` on the operations whose spec asks for the API key, and only there. */
  apiKey?: string;
  /** The fetch to use; inject one for tests or instrumentation. @default globalThis.fetch */
  fetch?: FetchLike;
  /** Per attempt, from sending the request to the last body byte; each retry gets a fresh one. Per call too. @default 20000 */
  timeoutMs?: number;
  /** Bounds a whole call, retries and waits included (TimeoutError with `scope: 'call'`). Per call too. @default none */
  deadlineMs?: number;
  /** Retry policy for idempotent and keyed requests, or `false` for none. Per call too. @default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 } */
  retry?: RetryOptions | false;
  /** Called once when a refresh is rejected and the tokens were cleared: show sign-in. @default undefined */
  onSessionExpired?: (error: SessionExpiredError) => void | Promise<void>;
  /** Check bodies against `validators`. @default 'off' */
  validate?: ValidateMode;
  /** Schemas per operationId, from the validators package. @default undefined */
  validators?: Validators;
  /** Extra headers on every request (e.g. `Accept-Language`). @default undefined */
  headers?: HeadersOptions;
}
