/**
 * The docs' view of the spec: operations grouped by tag, with `$ref`s followed and examples chosen,
 * so the page and snippet code never walks the raw document.
 */
import { mediaExample, parameterExample } from './examples.ts';
import { deref, isObject, type Doc } from './resolve.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `none`; `bearer`; `optional-bearer` (works without, better with); `apiKey` (header named `apiKeyHeader`). */
export type AuthKind = 'none' | 'bearer' | 'optional-bearer' | 'apiKey';

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description: string;
  deprecated: boolean;
  schema: unknown;
  example: unknown;
  /** Whether the spec itself gives an example (snippets include optional params only then). */
  hasExample: boolean;
  /** Serialization as the spec declares it (undefined: the location's default). */
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface BodyModel {
  required: boolean;
  description: string;
  /** The media type snippets send: JSON when offered, else the first one. */
  contentType: string;
  contentTypes: string[];
  schema: unknown;
  example: unknown;
}

export interface ResponseModel {
  status: string;
  description: string;
  contentType?: string;
  schema?: unknown;
  example?: unknown;
  headers: { name: string; description: string; schema: unknown }[];
}

export interface OperationModel {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  deprecated: boolean;
  auth: AuthKind;
  apiKeyHeader: string;
  /**
   * The credential the scheme carries (`x-credential`: `access_token`, `refresh_token`, `api_key`);
   * snippets read it from `MINBIL_<CREDENTIAL>`. Defaults by scheme type.
   */
  credential: string;
  parameters: ParamModel[];
  body?: BodyModel;
  responses: ResponseModel[];
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

type Auth = { auth: AuthKind; apiKeyHeader: string; credential: string };
const CREDENTIAL = /^[a-z][a-z0-9_]*$/;
const credentialOf = (scheme: Obj, fallback: string) => {
  const value = str(scheme['x-credential']);
  return CREDENTIAL.test(value) ? value : fallback;
};

function authOf(doc: Doc, op: Obj): Auth {
  const security = (Array.isArray(op.security) ? op.security : (doc.security ?? [])) as Obj[];
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  const optional = security.some((req) => isObject(req) && Object.keys(req).length === 0);
  for (const req of security) {
    for (const name of Object.keys(req ?? {})) {
      const scheme = deref<Obj>(doc, schemes[name]);
      if (scheme?.type === 'apiKey' && scheme.in === 'header')
        return {
          auth: 'apiKey',
          apiKeyHeader: str(scheme.name) || 'x-api-key',
          credential: credentialOf(scheme, 'api_key'),
        };
      if (scheme?.type === 'http' || scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect')
        return {
          auth: optional ? 'optional-bearer' : 'bearer',
          apiKeyHeader: '',
          credential: credentialOf(scheme, 'access_token'),
        };
    }
  }
  return { auth: 'none', apiKeyHeader: '', credential: '' };
}

function paramsOf(doc: Doc, pathItem: Obj, op: Obj): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  const raw = [pathItem.parameters, op.parameters].flatMap((l) => (Array.isArray(l) ? l : []));
  for (const entry of raw) {
    const p = deref<Obj>(doc, entry);
    if (!p || typeof p.name !== 'string') continue;
    const hasExample = p.example !== undefined || isObject(p.examples);
    byKey.set(`${str(p.in)}:${p.name}`, {
      name: p.name,
      in: (['path', 'query', 'header', 'cookie'].includes(str(p.in))
        ? p.in
        : 'query') as ParamModel['in'],
      required: p.required === true || p.in === 'path',
      description: str(p.description),
      deprecated: p.deprecated === true,
      schema: p.schema,
      example: parameterExample(doc, p),
      hasExample,
      ...(typeof p.style === 'string' ? { style: p.style } : {}),
      ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}),
      ...(p.allowReserved === true ? { allowReserved: true } : {}),
    });
  }
  return [...byKey.values()];
}

function bodyOf(doc: Doc, op: Obj): BodyModel | undefined {
  const body = deref<Obj>(doc, op.requestBody);
  if (!body || !isObject(body.content)) return undefined;
  const contentTypes = Object.keys(body.content);
  const contentType = contentTypes.find((c) => /[/+]json$/.test(c)) ?? contentTypes[0];
  if (!contentType) return undefined;
  const media = body.content[contentType] as Obj;
  return {
    required: body.required === true,
    description: str(body.description),
    contentType,
    contentTypes,
    schema: media.schema,
    example: mediaExample(doc, media),
  };
}

function responsesOf(doc: Doc, op: Obj): ResponseModel[] {
  const out: ResponseModel[] = [];
  for (const [status, raw] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    const res = deref<Obj>(doc, raw);
    if (!res) continue;
    const content = isObject(res.content) ? res.content : {};
    // JSON when offered (what snippets and the mock speak), else the first media type
    const contentType =
      Object.keys(content).find((c) => /[/+]json$/.test(c)) ?? Object.keys(content)[0];
    const media = contentType ? (content[contentType] as Obj) : undefined;
    const headers = Object.entries(isObject(res.headers) ? res.headers : {}).map(([name, h]) => {
      const header = deref<Obj>(doc, h) ?? {};
      return { name, description: str(header.description), schema: header.schema };
    });
    out.push({
      status,
      description: str(res.description),
      ...(contentType
        ? { contentType, schema: media?.schema, example: mediaExample(doc, media) }
        : {}),
      headers,
    });
  }
  return out.sort((a, b) => a.status.localeCompare(b.status));
}

/** Every operation of the spec, in path order, each under its first tag (`default` if none). */
export function collectOperations(doc: Doc): OperationModel[] {
  const ops: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = deref<Obj>(doc, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const tags = Array.isArray(op.tags) ? op.tags.filter((t) => typeof t === 'string') : [];
      ops.push({
        id: str(op.operationId) || `${method}_${path}`,
        method,
        path,
        tag: (tags[0] as string | undefined) ?? 'default',
        summary: str(op.summary),
        description: str(op.description),
        deprecated: op.deprecated === true,
        ...authOf(doc, op),
        parameters: paramsOf(doc, pathItem, op),
        ...(bodyOf(doc, op) ? { body: bodyOf(doc, op)! } : {}),
        responses: responsesOf(doc, op),
      });
    }
  }
  return ops;
}

export interface TagModel {
  name: string;
  description: string;
  slug: string;
  operations: OperationModel[];
}
