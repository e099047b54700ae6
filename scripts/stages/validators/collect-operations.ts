/**
 * Reads every operation of the spec into what the validators need: its parameters by location,
 * its request body per media type and its response bodies per status and media type, each with
 * the JSON pointer of the schema (after following component `$ref`s), sorted by operationId.
 */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { ValidatorGenerationError } from './errors.ts';
import { childPointer, resolvePointer } from '../../pipeline/json-pointer.ts';

export type ParamLocation = 'path' | 'query' | 'header';

export interface ParamPlan {
  name: string;
  required: boolean;
  pointer: string;
  schema: unknown;
}

export interface BodyPlan {
  mediaType: string;
  pointer: string;
  schema: unknown;
}

export interface OperationPlan {
  operationId: string;
  pointer: string;
  params: Record<ParamLocation, ParamPlan[]>;
  requestBodies: BodyPlan[];
  /** Status -> bodies, statuses sorted; statuses without content are left out. */
  responses: [status: string, bodies: BodyPlan[]][];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Obj = Record<string, unknown>;

/** Follows a local `$ref` (one level at a time) and returns the target with its pointer. */
function deref(spec: unknown, node: unknown, pointer: string): [Obj, string] {
  let current = node;
  let where = pointer;
  for (let hops = 0; typeof current === 'object' && current !== null && '$ref' in current; hops++) {
    const ref = (current as Obj).$ref;
    const target = typeof ref === 'string' ? resolvePointer(spec, ref) : undefined;
    if (target === undefined || hops > 20)
      throw new ValidatorGenerationError(
        '$ref',
        childPointer(where, '$ref'),
        `cannot resolve ${JSON.stringify(ref)}`,
      );
    current = target;
    where = ref as string;
  }
  if (typeof current !== 'object' || current === null)
    throw new ValidatorGenerationError('object', where, 'expected an object');
  return [current as Obj, where];
}

function bodies(spec: unknown, content: unknown, pointer: string): BodyPlan[] {
  if (content === undefined) return [];
  return Object.keys(content as Obj)
    .sort()
    .flatMap((mediaType) => {
      const media = (content as Obj)[mediaType] as Obj;
      if (media.schema === undefined) return [];
      return [
        { mediaType, pointer: childPointer(pointer, mediaType, 'schema'), schema: media.schema },
      ];
    });
}

function parameters(spec: unknown, list: unknown[], pointer: string): [Obj, string][] {
  return list.map((p, i) => deref(spec, p, childPointer(pointer, i)));
}

function paramPlans(
  spec: unknown,
  shared: [Obj, string][],
  own: [Obj, string][],
): Record<ParamLocation, ParamPlan[]> {
  const byKey = new Map<string, [Obj, string]>();
  for (const entry of [...shared, ...own])
    byKey.set(`${String(entry[0].in)}:${String(entry[0].name)}`, entry);
  const result: Record<ParamLocation, ParamPlan[]> = { path: [], query: [], header: [] };
  for (const [param, where] of byKey.values()) {
    const location = param.in;
    if (location === 'cookie')
      throw new ValidatorGenerationError(
        'in',
        childPointer(where, 'in'),
        'cookie parameters are not supported',
      );
    if (location !== 'path' && location !== 'query' && location !== 'header')
      throw new ValidatorGenerationError(
        'in',
        childPointer(where, 'in'),
        `unknown location ${JSON.stringify(location)}`,
      );
    let schemaPointer = childPointer(where, 'schema');
    let schema = param.schema;
    if (schema === undefined && param.content !== undefined) {
      const media = bodies(spec, param.content, childPointer(where, 'content'));
      if (media.length !== 1)
        throw new ValidatorGenerationError(
          'content',
          childPointer(where, 'content'),
          'a parameter needs exactly one media type',
        );
      schema = media[0]?.schema;
      schemaPointer = media[0]?.pointer ?? schemaPointer;
    }
    if (schema === undefined)
      throw new ValidatorGenerationError('schema', where, 'parameter without a schema');
    result[location].push({
      name: String(param.name),
      required: location === 'path' || param.required === true,
      pointer: schemaPointer,
      schema,
    });
  }
  for (const list of Object.values(result))
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return result;
}

/** `skip`: third-party mode, an operation without operationId is left out with this warning. */
export function collectOperations(
  spec: OpenAPIV3_1.Document,
  skip?: (line: string) => void,
): OperationPlan[] {
  const plans: OperationPlan[] = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const [item, itemPointer] = deref(spec, rawItem, childPointer('#/paths', path));
    const shared = parameters(
      spec,
      (item.parameters as unknown[]) ?? [],
      childPointer(itemPointer, 'parameters'),
    );
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const pointer = childPointer(itemPointer, method);
      if (typeof op.operationId !== 'string' && skip) {
        skip(
          `validators: skipped the operation at ${pointer}: it has no operationId to name its validators`,
        );
        continue;
      }
      if (typeof op.operationId !== 'string')
        throw new ValidatorGenerationError(
          'operationId',
          pointer,
          'every operation needs an operationId',
        );
      const own = parameters(
        spec,
        (op.parameters as unknown[]) ?? [],
        childPointer(pointer, 'parameters'),
      );
      let requestBodies: BodyPlan[] = [];
      if (op.requestBody !== undefined) {
        const [body, bodyPointer] = deref(
          spec,
          op.requestBody,
          childPointer(pointer, 'requestBody'),
        );
        requestBodies = bodies(spec, body.content, childPointer(bodyPointer, 'content'));
      }
      const responses = Object.keys((op.responses as Obj) ?? {})
        .sort()
        .map((status): [string, BodyPlan[]] => {
          const [response, responsePointer] = deref(
            spec,
            (op.responses as Obj)[status],
            childPointer(pointer, 'responses', status),
          );
          return [status, bodies(spec, response.content, childPointer(responsePointer, 'content'))];
        })
        .filter(([, list]) => list.length > 0);
      plans.push({
        operationId: op.operationId,
        pointer,
        params: paramPlans(spec, shared, own),
        requestBodies,
        responses,
      });
    }
  }
  return plans.sort((a, b) =>
    a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0,
  );
}
