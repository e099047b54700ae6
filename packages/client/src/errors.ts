/**
 * Every error the client raises. All extend `MinbilClientError`, so one `instanceof` catches them.
 * HTTP failures are `ApiError`s (with a subclass per documented status, for narrowing).
 */

/** Base class of every error this package raises. */
export class MinbilClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One invalid input field, as the API reports it. */
export interface FieldError {
  field: string;
  reason: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  fields: FieldError[];
  requestId: string | undefined;
  retryable: boolean;
  /** The parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  headers: Headers;
}

/** A non-2xx answer from the API, whichever error shape (or non-JSON body) the server sent. */
export class ApiError extends MinbilClientError {
  readonly status: number;
  /** Machine-readable code from the body, or one derived from the status (e.g. `not_found`). */
  readonly code: string;
  readonly fields: FieldError[];
  /** Quote this to MinBil support. From the body's `request_id` or the `x-request-id` header. */
  readonly requestId: string | undefined;
  /** Whether repeating the same request later may succeed. */
  readonly retryable: boolean;
  readonly body: unknown;
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.body = init.body;
    this.headers = init.headers;
  }
}

export class BadRequestError extends ApiError {}
export class UnauthorizedError extends ApiError {}
export class ForbiddenError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class RateLimitError extends ApiError {}
/** Any 5xx. */
export class InternalServerError extends ApiError {}

/** An attempt got no response within `timeoutMs` (after any retries). */
export class TimeoutError extends MinbilClientError {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`No response within ${timeoutMs} ms`, options);
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset, offline...). */
export class NetworkError extends MinbilClientError {}

export type SessionExpiredReason =
  'no-refresh-token' | 'rejected' | 'invalid-response' | 'unavailable';

/**
 * The access token was rejected and could not be refreshed. When `transient` is false the tokens
 * were cleared and `onSessionExpired` ran: sign the user in again. When true (refresh endpoint
 * unreachable or failing) the session may still be valid: try again later.
 */
export class SessionExpiredError extends MinbilClientError {
  readonly transient: boolean;
  constructor(
    readonly reason: SessionExpiredReason,
    options?: { cause?: unknown },
  ) {
    super(`Session expired: token refresh failed (${reason})`, options);
    this.transient = reason === 'unavailable';
  }
}

/** One place where a value broke its schema. */
export interface ValidationIssue {
  /** JSONPath-like location, e.g. `$.data[0].email`. */
  path: string;
  message: string;
}

/** A response body did not match the spec's schema for that operation and status. */
export class ResponseValidationError extends MinbilClientError {
  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly issues: ValidationIssue[],
  ) {
    super(`${operationId}: ${status} response does not match the spec: ${describe(issues)}`);
  }
}

/** With `validate: 'all'`, the request did not match the spec and was not sent. */
export class RequestValidationError extends MinbilClientError {
  constructor(
    readonly operationId: string,
    readonly part: 'body' | 'query' | 'path',
    readonly issues: ValidationIssue[],
  ) {
    super(`${operationId}: request ${part} does not match the spec: ${describe(issues)}`);
  }
}

/** A 2xx body could not be parsed (e.g. an HTML page where JSON was promised). */
export class MalformedResponseError extends MinbilClientError {
  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly contentType: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      `${operationId}: ${status} response is not valid JSON (content-type ${contentType ?? 'none'})`,
      options,
    );
  }
}

/** A paginated list did not end the way the API promises (runaway or repeating pages). */
export class PaginationError extends MinbilClientError {}

function describe(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? ` (+${issues.length - 3} more)` : '');
}
