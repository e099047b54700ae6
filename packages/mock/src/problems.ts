/**
 * Error documents. Where the operation documents the status, the body follows that response's
 * shape (`Problem`, `UnauthorizedProblem` or the `ErrorEnvelope`), starting from its example;
 * otherwise it is a plain RFC 9457 problem.
 */
import { exampleValue, findResponse, type Reply } from './respond.ts';
import type { RouteSpec } from './route-spec.ts';

export interface FieldIssue {
  field: string;
  reason: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

const CODES: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_ERROR',
};

/** A problem document for statuses the operation does not document (or no operation matched). */
export function plainProblem(status: number, detail: string, instance?: string): Reply {
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    code: CODES[status] ?? 'ERROR',
    detail,
  };
  if (instance) body.instance = instance;
  return { status, body, contentType: 'application/problem+json' };
}

export interface ErrorDetails {
  message: string;
  instance: string;
  requestId: string;
  issues?: FieldIssue[];
}

/** The operation's documented `status` response, with `message` filled in. */
export function documentedError(
  route: RouteSpec | undefined,
  status: number,
  details: ErrorDetails,
): Reply {
  const response = route && findResponse(route, status);
  if (!response?.contentType || response.shape === 'other')
    return plainProblem(status, details.message, details.instance);
  const example = (exampleValue(response) ?? {}) as Record<string, unknown>;
  const documentedCode =
    (example.error as Record<string, unknown> | undefined)?.code ?? example.code;
  const code = typeof documentedCode === 'string' ? documentedCode : (CODES[status] ?? 'ERROR');
  let body: Record<string, unknown>;
  if (response.shape === 'envelope') {
    const error: Record<string, unknown> = {
      ...((example.error as Record<string, unknown> | undefined) ?? {}),
      code,
      message: details.message,
      request_id: details.requestId,
      retryable: false,
    };
    if (details.issues) error.fields = details.issues;
    else delete error.fields;
    body = { error };
  } else {
    body = { ...example, status, code, message: details.message, instance: details.instance };
    body.title ??= TITLES[status];
    if ('detail' in example || details.issues) body.detail = details.message;
  }
  return { status, body, contentType: response.contentType, headers: { ...response.headers } };
}
