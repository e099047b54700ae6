/** Options of `createClient`. Few on purpose; each one has a documented default. */
import type { HeadersOptions } from 'openapi-fetch';
import type { FetchLike } from './attempt.ts';
import type { SessionExpiredError } from './errors.ts';
import type { RetryOptions } from './retry-policy.ts';
import type { TokenStore } from './token-store.ts';
import type { OperationInfo } from './operation-info.ts';

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
  /**
   * Turns plain-object bodies of multipart operations into FormData (files included): pass
   * `multipart` from `@minbil/car-owner-client/multipart`. Without it such bodies must be FormData.
   * @default undefined
   */
  multipart?: MultipartEncoder;
  /** Schema checks: `validation(schemas)` from `@minbil/car-owner-client/validation`. @default undefined */
  validation?: ValidationHooks;
  /** Extra headers on every request (e.g. `Accept-Language`). @default undefined */
  headers?: HeadersOptions;
}

/** Encodes the body of a multipart operation (`op.multipart`); returns it unchanged if not needed. */
export type MultipartEncoder = (body: unknown, op: OperationInfo) => unknown;

/** What the client calls to validate; built by `validation()` in the `./validation` entry. */
export interface ValidationHooks {
  /** Before sending; throws RequestValidationError. */
  request?:
    | ((operationId: string, parts: { body?: unknown; query?: unknown; path?: unknown }) => void)
    | undefined;
  /** On a 2xx body; throws ResponseValidationError. */
  response(operationId: string, status: number, data: unknown): void;
}
