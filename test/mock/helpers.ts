/**
 * Shared by the mock tests: the bundled spec, an Ajv oracle for response bodies, and a valid
 * request for every operation built from the spec's own examples.
 */
import { createSpecValidator } from '../support/ajv.ts';
import { deref, listOperations, loadBundledSpec, type OperationRef } from '../support/spec.ts';

export { deref };
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import {
  DEMO_ACCESS_TOKEN,
  DEMO_API_KEY,
  DEMO_REFRESH_TOKEN,
} from '../../packages/mock/src/index.ts';

export const spec = loadBundledSpec();
export const operations = listOperations(spec);
const oracle = createSpecValidator(spec as never);

type Json = Record<string, unknown>;

export function parameters(op: OperationRef): OpenAPIV3_1.ParameterObject[] {
  return [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])].map((p) =>
    deref<OpenAPIV3_1.ParameterObject>(spec, p),
  );
}

function exampleOf(param: OpenAPIV3_1.ParameterObject): unknown {
  const schema = deref<Json>(spec, (param.schema ?? {}) as Json);
  return (
    param.example ??
    schema.example ??
    (schema.examples as unknown[] | undefined)?.[0] ??
    schema.default
  );
}

export interface BuiltRequest {
  path: string;
  init: RequestInit & { headers: Record<string, string> };
}

/** A request the spec says is valid: example path params, required query params, example body. */
export function validRequest(op: OperationRef): BuiltRequest {
  let path = op.path;
  const query = new URLSearchParams();
  for (const param of parameters(op)) {
    const value = exampleOf(param);
    if (param.in === 'path')
      path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
    if (param.in === 'query' && param.required)
      query.set(param.name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const headers: Record<string, string> = {};
  const security = JSON.stringify(op.operation.security ?? []);
  // POST /auth/refresh takes the refresh token as its bearer token
  const token =
    op.operation.operationId === 'refreshToken' ? DEMO_REFRESH_TOKEN : DEMO_ACCESS_TOKEN;
  if (security.includes('bearerAuth') || security.includes('refreshTokenAuth'))
    headers.authorization = `Bearer ${token}`;
  if (security.includes('apiKeyAuth')) headers['x-api-key'] = DEMO_API_KEY;
  const init: BuiltRequest['init'] = { method: op.method.toUpperCase(), headers };
  const body = deref<OpenAPIV3_1.RequestBodyObject | undefined>(spec, op.operation.requestBody);
  const json = body?.content?.['application/json'];
  if (json) {
    const named = Object.values(json.examples ?? {})[0];
    const value = named ? deref<Json>(spec, named as Json).value : json.example;
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(value);
  }
  const qs = query.toString();
  return { path: qs ? `${path}?${qs}` : path, init };
}

/** The documented response for a status, with its media type and schema. */
export function documented(op: OperationRef, status: number) {
  const raw = op.operation.responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
  const response = raw && deref<OpenAPIV3_1.ResponseObject>(spec, raw);
  const [contentType, media] = Object.entries(response?.content ?? {})[0] ?? [];
  return {
    response,
    contentType,
    schema: media?.schema,
    headers: Object.keys(response?.headers ?? {}),
  };
}

/** Problems with a response against the spec (status documented, media type, headers, schema). */
export async function contractProblems(op: OperationRef, res: Response): Promise<string[]> {
  const where = `${op.method.toUpperCase()} ${op.path} -> ${res.status}`;
  const doc = documented(op, res.status);
  if (!doc.response) return [`${where}: status not documented`];
  const problems: string[] = [];
  for (const header of doc.headers)
    if (!res.headers.has(header)) problems.push(`${where}: missing documented header ${header}`);
  const text = await res.text();
  if (!doc.contentType) {
    if (text !== '') problems.push(`${where}: expected no body`);
    return problems;
  }
  if (res.headers.get('content-type') !== doc.contentType)
    problems.push(
      `${where}: content-type ${res.headers.get('content-type')} != ${doc.contentType}`,
    );
  const error = oracle.errorsFor(doc.schema, JSON.parse(text));
  if (error) problems.push(`${where}: ${error}`);
  return problems;
}

export const operationLabel = (op: OperationRef) =>
  `${op.method.toUpperCase()} ${op.path} (${op.operation.operationId})`;
