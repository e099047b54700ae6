/** One RouteSpec per operation of the bundled spec, most specific paths first. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { SpecError } from '../../pipeline/spec-error.ts';
import type { ThirdPartyMode } from '../third-party.ts';
import type { ParamSpec, ResponseSpec, RouteSpec } from '../../../packages/mock/src/route-spec.ts';
import { unsupported } from '../third-party.ts';
import { authOf } from './auth.ts';
import { paginationOf } from './pagination.ts';
import { deref } from './resolve.ts';
import { responsesOf } from './responses.ts';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface OperationEntry {
  method: (typeof METHODS)[number];
  path: string;
  operation: OpenAPIV3_1.OperationObject;
  parameters: OpenAPIV3_1.ParameterObject[];
}

export function listOperations(spec: OpenAPIV3_1.Document): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const byKey = new Map<string, OpenAPIV3_1.ParameterObject>();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const param = deref<OpenAPIV3_1.ParameterObject>(spec, raw);
        byKey.set(`${param.in}:${param.name}`, param); // operation-level wins
      }
      out.push({ method, path, operation, parameters: [...byKey.values()] });
    }
  }
  return out;
}

function paramSpec(
  spec: OpenAPIV3_1.Document,
  param: OpenAPIV3_1.ParameterObject,
  where: string,
): ParamSpec {
  if (param.in !== 'path' && param.in !== 'query' && param.in !== 'header')
    throw new SpecError([`mock: ${where}: ${param.in} parameter ${param.name} is not supported`]);
  const schema = deref<{ type?: unknown }>(spec, param.schema ?? {});
  const out: ParamSpec = { name: param.name, in: param.in, required: param.required === true };
  if (schema.type === 'array')
    out.array = { explode: param.explode ?? (param.style ?? 'form') === 'form' };
  return out;
}

/** Literal segments beat `{param}` segments, compared left to right, so `/x/latest` precedes `/x/{id}`. */
export function compareSpecificity(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = (sa[i] as string).startsWith('{');
    const pb = (sb[i] as string).startsWith('{');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return sb.length - sa.length || a.localeCompare(b);
}

export function buildRouteTable(
  spec: OpenAPIV3_1.Document,
  thirdParty?: ThirdPartyMode,
): RouteSpec[] {
  const seen = new Set<string>();
  const routes = listOperations(spec).map(({ method, path, operation, parameters }) => {
    const where = `${method.toUpperCase()} ${path}`;
    const id = operation.operationId;
    if (!id) throw new SpecError([`mock: ${where} has no operationId`]);
    if (seen.has(id)) throw new SpecError([`mock: duplicate operationId ${id}`]);
    seen.add(id);
    const responses = documentedResponses(spec, operation, where, thirdParty);
    const success = successStatus(responses, where, thirdParty);
    const route: RouteSpec = {
      operationId: id,
      method: method.toUpperCase(),
      path,
      mswPath: path.replace(/\{([^}]+)\}/g, ':$1'),
      auth: authOf(spec, operation, where, thirdParty),
      params: parameters
        .filter((p) => supportedParameter(p, where, thirdParty))
        .map((p) => paramSpec(spec, p, where)),
      success,
      responses,
    };
    const body = deref<OpenAPIV3_1.RequestBodyObject | undefined>(spec, operation.requestBody);
    if (body)
      route.body = {
        required: body.required === true,
        contentTypes: Object.keys(body.content ?? {}),
      };
    const pagination = paginationOf(spec, operation, parameters, success);
    if (pagination) route.pagination = pagination;
    return route;
  });
  return routes.sort(
    (a, b) => compareSpecificity(a.path, b.path) || a.method.localeCompare(b.method),
  );
}

/**
 * The numbered responses. An operation that documents only `default` answers it as a 200; one
 * that documents nothing answers an empty 204 (third-party mode, with a warning).
 */
function documentedResponses(
  spec: OpenAPIV3_1.Document,
  operation: OpenAPIV3_1.OperationObject,
  where: string,
  thirdParty: ThirdPartyMode | undefined,
): ResponseSpec[] {
  const responses = responsesOf(spec, operation);
  if (responses.length) return responses;
  const fallback = (operation.responses as Record<string, unknown> | undefined)?.default;
  if (fallback) return responsesOf(spec, { ...operation, responses: { '200': fallback } } as never);
  unsupported(
    thirdParty,
    new SpecError([`mock: ${where} documents no response`]),
    `mock: ${where} documents no response; the mock answers an empty 204`,
  );
  return [{ status: 204, headers: {}, examples: [], shape: 'other' }];
}

/**
 * The status the mock answers by default: the first 2xx. Without one (a download documenting only
 * its 302, an operation with only errors), third-party mode answers the first documented status
 * and warns; our own spec must document a 2xx.
 */
function successStatus(
  responses: readonly ResponseSpec[],
  where: string,
  thirdParty: ThirdPartyMode | undefined,
): number {
  const success = responses.find((r) => r.status >= 200 && r.status < 300)?.status;
  if (success !== undefined) return success;
  const error = new SpecError([`mock: ${where} documents no 2xx response`]);
  const first = responses.find((r) => r.status >= 300 && r.status < 400) ?? responses[0]!;
  unsupported(
    thirdParty,
    error,
    `mock: ${where} documents no 2xx response; the mock answers its documented ${first.status}`,
  );
  return first.status;
}

/** Cookie parameters are not read by the mock: third-party mode leaves them unchecked. */
function supportedParameter(
  param: OpenAPIV3_1.ParameterObject,
  where: string,
  thirdParty: ThirdPartyMode | undefined,
): boolean {
  if (param.in === 'path' || param.in === 'query' || param.in === 'header') return true;
  unsupported(
    thirdParty,
    new SpecError([`mock: ${where}: ${param.in} parameter ${param.name} is not supported`]),
    `mock: ${where}: ${param.in} parameter ${param.name} is not checked`,
  );
  return false;
}
