/** Builds the HTTP request from the console's form values, serialized as the spec says. */
import { getSecret, secretKind } from './secrets.ts';
import { headerValue, parseField, pathSegment, queryPairs } from './serialize.ts';
import type { TryItOp, TryItRequest } from './types.ts';

/** Credentials used when none were typed (the mock's demo token, refresh token and key). */
export type Fallback = Record<string, string>;

export function buildRequest(
  op: TryItOp,
  baseUrl: string,
  values: Map<string, string>,
  body: string,
  fallback: Fallback = {},
): TryItRequest {
  const byName = new Map(op.params.filter((p) => p.in === 'path').map((p) => [p.name, p]));
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = byName.get(name);
    const raw = values.get(`path:${name}`) ?? '';
    return p ? pathSegment(p, parseField(p, raw)) : encodeURIComponent(raw);
  });
  const query: string[] = [];
  const cookies: string[] = [];
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const p of op.params) {
    const raw = values.get(`${p.in}:${p.name}`) ?? '';
    if (raw.trim() === '') continue;
    const value = parseField(p, raw);
    if (p.in === 'query') query.push(...queryPairs(p, value));
    if (p.in === 'header') headers[p.name] = headerValue(p, value);
    if (p.in === 'cookie') cookies.push(`${p.name}=${encodeURIComponent(headerValue(p, value))}`);
  }
  if (cookies.length) headers.Cookie = cookies.join('; ');
  const search = query.length ? `?${query.join('&')}` : '';
  const url = new URL(baseUrl.replace(/\/+$/, '') + path + search);
  const kind = secretKind(op);
  const secret = (kind && (getSecret(kind) || fallback[kind])) || '';
  if ((op.auth === 'bearer' || op.auth === 'optional-bearer') && secret)
    headers.Authorization = `Bearer ${secret}`;
  if (op.auth === 'apiKey' && secret) headers[op.apiKeyHeader] = secret;
  const request: TryItRequest = { method: op.method, url: url.href, headers };
  if (body.trim() && !['GET', 'HEAD'].includes(op.method)) {
    headers['Content-Type'] = op.bodyType || 'application/json';
    request.body = body;
  }
  return request;
}

export async function send(request: TryItRequest) {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    credentials: 'omit',
  };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(request.url, init);
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()] as [string, string][],
    body: await response.text(),
  };
}
