/**
 * Turns any non-2xx answer into one ApiError. The API has three documented error shapes and
 * real networks add more, so every field is read defensively:
 * (a) RFC 7807 problem+json `{type,title,status,detail,instance,code,message,where,hint}`;
 * (b) envelope `{error:{code,message,fields,request_id,retryable}}`;
 * (c) the inline 401 problem `{type,title,status,code,message}` (a subset of a);
 * plus legacy `{error:"text"}`, plain text, an HTML proxy page and an empty body.
 */
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  UnauthorizedError,
  type ApiErrorInit,
  type FieldError,
} from './errors.ts';
import { RETRYABLE_STATUSES } from './retry-policy.ts';

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  422: 'unprocessable_entity',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** `body` is what openapi-fetch parsed: JSON value, raw text, '' or undefined. */
export function toApiError(
  response: Response,
  body: unknown,
  call: { method?: string; operationId?: string } = {},
): ApiError {
  const { status, headers } = response;
  const init: ApiErrorInit = {
    ...call,
    status,
    code: STATUS_CODES[status] ?? `http_${status}`,
    message: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`,
    fields: [],
    requestId: headers.get('x-request-id') ?? undefined,
    retryable: RETRYABLE_STATUSES.has(status),
    body: body === '' ? undefined : body,
    headers,
  };
  if (isRecord(body)) readJsonShape(body, init);
  else if (typeof body === 'string' && body.trim() !== '') readText(body, headers, init);
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Class(init);
}

function readJsonShape(body: Record<string, unknown>, init: ApiErrorInit): void {
  const envelope = body.error;
  if (isRecord(envelope)) {
    // (b) envelope
    init.code = str(envelope.code) ?? init.code;
    init.message = str(envelope.message) ?? init.message;
    init.fields = fieldsOf(envelope.fields);
    init.requestId = str(envelope.request_id) ?? init.requestId;
    if (typeof envelope.retryable === 'boolean') init.retryable = envelope.retryable;
    return;
  }
  if (typeof envelope === 'string') {
    // legacy `{ "error": "text" }`
    init.message = envelope;
    return;
  }
  // (a) / (c) problem details; `message` is the API's human text, `detail` the RFC's.
  init.code = str(body.code) ?? init.code;
  init.message = str(body.message) ?? str(body.detail) ?? str(body.title) ?? init.message;
  init.fields = fieldsOf(body.fields ?? body.errors);
  init.requestId = str(body.request_id) ?? init.requestId;
  if (typeof body.retryable === 'boolean') init.retryable = body.retryable;
}

function readText(text: string, headers: Headers, init: ApiErrorInit): void {
  const html =
    /html/i.test(headers.get('content-type') ?? '') || /^\s*<(!doctype|html)/i.test(text);
  // Never surface markup as a message: it is a proxy or load balancer page, not the API.
  init.message = html
    ? `${init.message} (an HTML page, likely from a proxy, not the API)`
    : text.trim().slice(0, 300);
}

function fieldsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((f) => ({
    field: str(f.field) ?? '',
    reason: str(f.reason) ?? str(f.message) ?? '',
  }));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
