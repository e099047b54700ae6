/**
 * Derives the runtime facts the client needs from the spec but TypeScript types cannot carry:
 * per operation its security kind, query serialization, pagination, multipart and 304 support.
 */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { unsupported, type ThirdPartyMode } from '../third-party.ts';
import { resolveRef } from './resolve-ref.ts';

export type SecurityKind = 'bearer' | 'apiKey' | 'none' | 'optional';

export interface QueryParamStyle {
  style: string;
  explode: boolean;
  array: boolean;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  security: SecurityKind;
  query: Record<string, QueryParamStyle>;
  paginated: boolean;
  multipart: boolean;
  /** Takes an `application/json` body (some multipart operations take either). */
  json: boolean;
  /** The operation answers 304 or takes `If-None-Match`: the client may send a cached ETag. */
  conditional: boolean;
  /**
   * Safe to retry with one key per call: the operation declares an `Idempotency-Key` header
   * parameter (draft-ietf-httpapi-idempotency-key-header) or `x-idempotent: true`
   * (openapi/EXTENSIONS.md). The client then sends a key and retries it like a GET.
   */
  idempotent: boolean;
}

export interface OperationTable {
  apiKeyHeader: string | null;
  operations: Record<string, OperationInfo>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Parameter = OpenAPIV3_1.ParameterObject;

/**
 * Builds the table keyed by `"METHOD /path"`, e.g. `"GET /shops"`. Throws located errors; in
 * third-party mode an operation whose security the client cannot apply gets `none` and a warning.
 */
export function deriveOperationTable(
  spec: OpenAPIV3_1.Document,
  thirdParty?: ThirdPartyMode,
): OperationTable {
  const schemes = spec.components?.securitySchemes ?? {};
  const operations: Record<string, OperationInfo> = {};
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    if (!rawItem) continue;
    const item = resolveRef<OpenAPIV3_1.PathItemObject>(spec, rawItem, path);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) throw new Error(`${key}: operationId is missing`);
      const params = mergeParameters(spec, item.parameters, op.parameters, key);
      const query: Record<string, QueryParamStyle> = {};
      for (const p of params.filter((p) => p.in === 'query'))
        query[p.name] = queryStyle(spec, p, key);
      const body = op.requestBody
        ? resolveRef<OpenAPIV3_1.RequestBodyObject>(spec, op.requestBody, `${key} requestBody`)
        : undefined;
      operations[key] = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        security: securityKind(op.security ?? spec.security ?? [], schemes, spec, key, thirdParty),
        query,
        paginated: 'page' in query && 'page_size' in query,
        multipart: Boolean(body?.content['multipart/form-data']),
        json: Boolean(body?.content['application/json']),
        conditional:
          Boolean(op.responses?.['304']) ||
          params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-none-match'),
        idempotent:
          (op as { 'x-idempotent'?: unknown })['x-idempotent'] === true ||
          params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
      };
    }
  }
  return { apiKeyHeader: apiKeyHeader(spec, schemes), operations };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(
  spec: OpenAPIV3_1.Document,
  shared: readonly (Parameter | OpenAPIV3_1.ReferenceObject)[] = [],
  own: readonly (Parameter | OpenAPIV3_1.ReferenceObject)[] = [],
  key: string,
): Parameter[] {
  const byId = new Map<string, Parameter>();
  for (const raw of [...shared, ...own]) {
    const p = resolveRef<Parameter>(spec, raw, `${key} parameter`);
    byId.set(`${p.in}:${p.name}`, p);
  }
  return [...byId.values()];
}

function queryStyle(spec: OpenAPIV3_1.Document, p: Parameter, key: string): QueryParamStyle {
  const style = p.style ?? 'form';
  const schema = p.schema
    ? resolveRef<OpenAPIV3_1.SchemaObject>(spec, p.schema, `${key} query ${p.name}`)
    : undefined;
  const types = schema?.type === undefined ? [] : [schema.type].flat();
  // OpenAPI: explode defaults to true for style=form only.
  return { style, explode: p.explode ?? style === 'form', array: types.includes('array') };
}

type Schemes = NonNullable<OpenAPIV3_1.ComponentsObject['securitySchemes']>;

/**
 * Security requirements are alternatives: the client may satisfy any one of them. Alternatives
 * with a scheme it cannot apply (HTTP basic, OAuth2 client flows, cookies) are ignored while one
 * it can apply remains; when none remains, that is an error (third-party mode: `none` + warning,
 * the caller passes credentials in its own headers).
 */
function securityKind(
  requirements: readonly OpenAPIV3_1.SecurityRequirementObject[],
  schemes: Schemes,
  spec: OpenAPIV3_1.Document,
  key: string,
  thirdParty: ThirdPartyMode | undefined,
): SecurityKind {
  const kinds = new Set<string>();
  const unusable: string[] = [];
  for (const requirement of requirements) {
    const names = Object.keys(requirement);
    if (names.length === 0) kinds.add('anonymous');
    for (const name of names) {
      const raw = schemes[name];
      if (!raw) throw new Error(`${key}: security scheme "${name}" is not declared`);
      const scheme = resolveRef<OpenAPIV3_1.SecuritySchemeObject>(spec, raw, `${key} security`);
      if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer') kinds.add('bearer');
      else if (scheme.type === 'apiKey' && scheme.in === 'header') kinds.add('apiKey');
      else unusable.push(name);
    }
  }
  if (unusable.length > 0 && kinds.size === 0) {
    const message = `security scheme "${unusable[0]}" is not supported by the client`;
    unsupported(
      thirdParty,
      new Error(`${key}: ${message}`),
      `client-types: ${message}; its operations get security "none" and callers send the credentials themselves`,
    );
    return 'none';
  }
  const only = (...allowed: string[]) =>
    kinds.size === allowed.length && allowed.every((k) => kinds.has(k));
  if (kinds.size === 0 || only('anonymous')) return 'none';
  if (only('bearer')) return 'bearer';
  if (only('apiKey')) return 'apiKey';
  if (only('anonymous', 'bearer')) return 'optional';
  throw new Error(`${key}: unsupported combination of security requirements (${[...kinds]})`);
}

function apiKeyHeader(spec: OpenAPIV3_1.Document, schemes: Schemes): string | null {
  for (const [name, raw] of Object.entries(schemes)) {
    const scheme = resolveRef<OpenAPIV3_1.SecuritySchemeObject>(
      spec,
      raw,
      `securityScheme ${name}`,
    );
    if (scheme.type === 'apiKey' && scheme.in === 'header') return scheme.name;
  }
  return null;
}
