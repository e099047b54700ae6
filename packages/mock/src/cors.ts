/**
 * CORS for the HTTP mock, so the docs site on another origin can call it. Tokens travel in
 * headers, not cookies, so any origin may read responses.
 */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const DEFAULT_ALLOWED_HEADERS = 'Authorization, Content-Type, Prefer, If-None-Match, x-api-key';

/** Headers added to every response. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After, Allow',
};

/** A CORS preflight is an OPTIONS request naming the method it wants to send. */
export function isPreflight(method: string, headers: Headers): boolean {
  return method === 'OPTIONS' && headers.has('access-control-request-method');
}

export function preflightHeaders(headers: Headers): Record<string, string> {
  return {
    ...CORS_HEADERS,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers':
      headers.get('access-control-request-headers') ?? DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': '600',
    vary: 'Access-Control-Request-Headers',
  };
}
