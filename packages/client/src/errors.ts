/**
 * Every error the client raises. All extend `MinbilClientError`, so one `instanceof` catches them.
 * HTTP failures are `ApiError`s (with a subclass per documented status, for narrowing).
 */

/** Which call failed, as far as the client knew when it failed. */
export interface RequestContext {
  /** HTTP method, e.g. `GET`. */
  method?: string | undefined;
  /** The spec's operationId, or `"METHOD /path"` for a path the spec lacks. */
  operationId?: string | undefined;
  /** HTTP status, when headers had arrived. */
  status?: number | undefined;
  /** The `x-request-id` the server sent (or the body's `request_id`): quote it to support. */
  requestId?: string | undefined;
}

export interface ErrorOptions extends RequestContext {
  cause?: unknown;
}

/**
 * Base class of every error this package raises. Errors of a call carry its method, operationId
 * and, once headers arrived, status and request id.
 */
export class MinbilClientError extends Error {
  readonly method: string | undefined;
  readonly operationId: string | undefined;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.method = options.method;
    this.operationId = options.operationId;
    this.status = options.status;
    this.requestId = options.requestId;
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
  method?: string | undefined;
  operationId?: string | undefined;
}

/** A non-2xx answer from the API, whichever error shape (or non-JSON body) the server sent. */
export class ApiError extends MinbilClientError {
  declare readonly status: number;
  /** Machine-readable code from the body, or one derived from the status (e.g. `not_found`). */
  readonly code: string;
  readonly fields: FieldError[];
  /** Whether repeating the same request later may succeed. */
  readonly retryable: boolean;
  readonly body: unknown;
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    super(init.message, init);
    this.code = init.code;
    this.fields = init.fields;
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

/**
 * `scope: 'attempt'`: an attempt did not receive its whole response (headers and body) within
 * `timeoutMs`, after any retries. `scope: 'call'`: the call's `deadlineMs` ran out (no retry).
 */
export class TimeoutError extends MinbilClientError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: ErrorOptions & { scope?: 'attempt' | 'call' } = {}) {
    const what = options.scope === 'call' ? 'Call deadline' : 'No complete response within';
    super(`${prefix(options)}${what} ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
    this.scope = options.scope ?? 'attempt';
  }
  readonly scope: 'attempt' | 'call';
}

/**
 * The connection failed before a complete answer arrived: DNS, refused, reset, offline, or the
 * body broke off (reset mid-body, wrong Content-Length, undecodable Content-Encoding).
 */
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
  readonly reason: SessionExpiredReason;
  constructor(reason: SessionExpiredReason, options?: { cause?: unknown }) {
    super(`Session expired: token refresh failed (${reason})`, options);
    this.reason = reason;
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
  declare readonly operationId: string;
  declare readonly status: number;
  readonly issues: ValidationIssue[];
  constructor(operationId: string, status: number, issues: ValidationIssue[]) {
    super(`${operationId}: ${status} response does not match the spec: ${describe(issues)}`, {
      operationId,
      status,
    });
    this.issues = issues;
  }
}

/** With `validate: 'all'`, the request did not match the spec and was not sent. */
export class RequestValidationError extends MinbilClientError {
  declare readonly operationId: string;
  readonly part: 'body' | 'query' | 'path';
  readonly issues: ValidationIssue[];
  constructor(operationId: string, part: 'body' | 'query' | 'path', issues: ValidationIssue[]) {
    super(`${operationId}: request ${part} does not match the spec: ${describe(issues)}`, {
      operationId,
    });
    this.part = part;
    this.issues = issues;
  }
}

/** A 2xx body could not be parsed (e.g. an HTML page where JSON was promised). */
export class MalformedResponseError extends MinbilClientError {
  declare readonly operationId: string;
  declare readonly status: number;
  readonly contentType: string | null;
  constructor(
    operationId: string,
    status: number,
    contentType: string | null,
    options: ErrorOptions = {},
  ) {
    super(
      `${operationId}: ${status} response is not valid JSON (content-type ${contentType ?? 'none'})` +
        (options.requestId ? `, request id ${options.requestId}` : ''),
      { ...options, operationId, status },
    );
    this.contentType = contentType;
  }
}

/** A paginated list did not end the way the API promises (runaway or repeating pages). */
export class PaginationError extends MinbilClientError {}

/** `GET getProfile: ` for messages; empty when the call is unknown. */
export function prefix(context: RequestContext): string {
  return context.operationId ? `${context.method ?? ''} ${context.operationId}: `.trimStart() : '';
}

function describe(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? ` (+${issues.length - 3} more)` : '');
}
