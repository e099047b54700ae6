/**
 * The request a snippet sends, built once per operation from the spec's examples, so every language
 * sends the same method, URL, headers and body.
 */
import type { AuthKind, OperationModel } from '../operations.ts';

/** Where snippets point by default; one value for every language. */
export const DEFAULT_BASE_URL = 'https://api.minbil.no/api/co';

/** Environment variables the snippets read secrets from (never inlined). */
export const ENV = { token: 'MINBIL_ACCESS_TOKEN', apiKey: 'MINBIL_API_KEY' } as const;

export interface SnippetRequest {
  method: string;
  /** The path template, e.g. `/bookings/{booking_id}` (for the typed client). */
  pathTemplate: string;
  /** Path with example path parameters filled in and the query string appended (encoded). */
  pathAndQuery: string;
  pathParams: Record<string, unknown>;
  /** Query parameters as the typed client takes them (values keep their JSON types). */
  query: Record<string, unknown>;
  /** Required header parameters (auth headers are added per language from `auth`). */
  headers: [string, string][];
  auth: AuthKind;
  apiKeyHeader: string;
  body?:
    { kind: 'json'; contentType: string; value: unknown } | { kind: 'form'; fields: FormField[] };
}

export interface FormField {
  name: string;
  value: string;
  /** A file part: sent from a local file named `value`. */
  file: boolean;
}

const scalar = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function formFields(value: unknown, schema: unknown): FormField[] {
  const props = (schema as { properties?: Record<string, { format?: string }> })?.properties ?? {};
  const out: FormField[] = [];
  for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    const file = props[name]?.format === 'binary';
    out.push({ name, value: file ? 'photo.jpg' : scalar(v), file });
  }
  return out;
}

/** Builds the request from an operation: required params always, optional ones with a spec example. */
export function snippetRequest(op: OperationModel): SnippetRequest {
  const pathParams: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: [string, string][] = [];
  const search: string[] = [];
  for (const p of op.parameters) {
    if (p.in === 'path') pathParams[p.name] = p.example;
    if (!p.required && !p.hasExample) continue;
    if (p.in === 'query' && p.example !== undefined) {
      query[p.name] = p.example;
      const values = Array.isArray(p.example) ? p.example : [p.example];
      for (const v of values)
        search.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(scalar(v))}`);
    }
    if (p.in === 'header' && p.required) headers.push([p.name, scalar(p.example)]);
  }
  const path = op.path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in pathParams ? encodeURIComponent(scalar(pathParams[name])) : whole,
  );
  const request: SnippetRequest = {
    method: op.method.toUpperCase(),
    pathTemplate: op.path,
    pathAndQuery: search.length ? `${path}?${search.join('&')}` : path,
    pathParams,
    query,
    headers,
    auth: op.auth,
    apiKeyHeader: op.apiKeyHeader,
  };
  const body = op.body;
  if (body && body.example !== undefined && !['GET', 'HEAD'].includes(request.method)) {
    request.body = /[/+]json$/.test(body.contentType)
      ? { kind: 'json', contentType: body.contentType, value: body.example }
      : { kind: 'form', fields: formFields(body.example, body.schema) };
  }
  return request;
}
