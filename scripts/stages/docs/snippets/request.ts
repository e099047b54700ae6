/**
 * The request a snippet sends, built once per operation from the spec's examples, so every language
 * sends the same method, URL, headers and body.
 */
import type { AuthKind, OperationModel } from '../operations.ts';
import { serializeCookie, serializeHeader, serializePath, serializeQuery } from './serialize.ts';

/** Where snippets point by default; one value for every language. */
export const DEFAULT_BASE_URL = 'https://api.minbil.no/api/co';

/** Environment variables the snippets read secrets from (never inlined). */
export const ENV = { token: 'MINBIL_ACCESS_TOKEN', apiKey: 'MINBIL_API_KEY' } as const;

/** `refresh_token` -> `MINBIL_REFRESH_TOKEN`: the variable a snippet reads its credential from. */
export const credentialEnv = (credential: string) => `MINBIL_${credential.toUpperCase()}`;

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
  /** Environment variable holding the credential (`MINBIL_ACCESS_TOKEN`, `MINBIL_REFRESH_TOKEN`, …). */
  secretEnv: string;
  /** The scheme's credential kind, e.g. `refresh_token`. */
  credential: string;
  body?:
    { kind: 'json'; contentType: string; value: unknown } | { kind: 'form'; fields: FormField[] };
}

export interface FormField {
  name: string;
  value: string;
  /** A file part: sent from a local file named `value`. */
  file: boolean;
  /** The schema takes a list: each item is one field of the same name (the typed client wants an array). */
  list?: boolean;
}

const scalar = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

type PropSchema = { format?: unknown; contentMediaType?: unknown; items?: PropSchema };

/** A file part: `format: binary` (OpenAPI 3.0) or a non-text `contentMediaType` (3.1). */
function isFileSchema(s: PropSchema | undefined): boolean {
  if (!s) return false;
  if (s.format === 'binary') return true;
  return typeof s.contentMediaType === 'string' && !/^text\/|[/+]json$/.test(s.contentMediaType);
}

function formFields(value: unknown, schema: unknown): FormField[] {
  const props = (schema as { properties?: Record<string, PropSchema> })?.properties ?? {};
  const out: FormField[] = [];
  for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    const list = Array.isArray(v);
    const file = isFileSchema(list ? props[name]?.items : props[name]);
    for (const item of list ? v : [v])
      out.push({ name, value: file ? 'photo.jpg' : scalar(item), file, ...(list ? { list } : {}) });
  }
  return out;
}

/** Builds the request from an operation: required params always, optional ones with a spec example. */
export function snippetRequest(op: OperationModel): SnippetRequest {
  const pathParams: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: [string, string][] = [];
  const search: string[] = [];
  const cookies: string[] = [];
  const pathStyles = new Map<string, OperationModel['parameters'][number]>();
  for (const p of op.parameters) {
    if (p.in === 'path') {
      pathParams[p.name] = p.example;
      pathStyles.set(p.name, p);
    }
    if (!p.required && !p.hasExample) continue;
    if (p.example === undefined) continue;
    if (p.in === 'query') {
      query[p.name] = p.example;
      search.push(...serializeQuery(p, p.example));
    }
    if (p.in === 'header' && p.required) headers.push([p.name, serializeHeader(p, p.example)]);
    if (p.in === 'cookie') cookies.push(...serializeCookie(p, p.example));
  }
  if (cookies.length) headers.push(['Cookie', cookies.join('; ')]);
  const path = op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const p = pathStyles.get(name);
    return p ? serializePath(p, pathParams[name]) : whole;
  });
  const request: SnippetRequest = {
    method: op.method.toUpperCase(),
    pathTemplate: op.path,
    pathAndQuery: search.length ? `${path}?${search.join('&')}` : path,
    pathParams,
    query,
    headers,
    auth: op.auth,
    apiKeyHeader: op.apiKeyHeader,
    credential: op.credential,
    secretEnv: op.credential ? credentialEnv(op.credential) : '',
  };
  const body = op.body;
  if (body && body.example !== undefined && !['GET', 'HEAD'].includes(request.method)) {
    request.body = /[/+]json$/.test(body.contentType)
      ? { kind: 'json', contentType: body.contentType, value: body.example }
      : { kind: 'form', fields: formFields(body.example, body.schema) };
  }
  return request;
}
