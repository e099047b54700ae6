/** Builds the HTTP request from the console's form values. */
import { getSecret } from './secrets.ts';
import type { TryItOp, TryItRequest } from './types.ts';

/** `fallback` credentials are used when none were typed (the mock's demo token and key). */
export function buildRequest(
  op: TryItOp,
  baseUrl: string,
  values: Map<string, string>,
  body: string,
  fallback: { token: string; apiKey: string } = { token: '', apiKey: '' },
): TryItRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values.get(`path:${name}`) ?? ''),
  );
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const p of op.params) {
    const value = values.get(`${p.in}:${p.name}`) ?? '';
    if (value === '') continue;
    if (p.in === 'query') url.searchParams.append(p.name, value);
    if (p.in === 'header') headers[p.name] = value;
  }
  const token = getSecret('token') || fallback.token;
  if ((op.auth === 'bearer' || op.auth === 'optional-bearer') && token)
    headers.Authorization = `Bearer ${token}`;
  const apiKey = getSecret('apiKey') || fallback.apiKey;
  if (op.auth === 'apiKey' && apiKey) headers[op.apiKeyHeader] = apiKey;
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
    headers: [...response.headers.entries()],
    body: await response.text(),
  };
}
