/**
 * Decides every module and export before anything is emitted: names by the convention in
 * naming.ts, the mode of each schema (requests exact, responses tolerant), and what the operations
 * table lists. Tests read the same plan to find the JSON Schema behind every export.
 */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { collectOperations, type ParamLocation, type ParamPlan } from './collect-operations.ts';
import type { ThirdPartyMode } from '../third-party.ts';
import { ComponentGraph } from './component-graph.ts';
import type { Mode } from './context.ts';
import { ValidatorGenerationError } from './errors.ts';
import {
  camelName,
  componentModule,
  componentSchemaName,
  isJsonMediaType,
  mediaSuffix,
  operationModule,
  pascalName,
  statusSuffix,
} from './naming.ts';
import { childPointer } from '../../pipeline/json-pointer.ts';

export type TargetSource =
  { pointer: string; schema: unknown } | { location: ParamLocation; params: ParamPlan[] };

export interface SchemaTarget {
  exportName: string;
  /** Module path relative to the package's `src/`. */
  module: string;
  mode: Mode;
  source: TargetSource;
}

export interface ComponentPlan {
  name: string;
  base: string;
  exact: SchemaTarget;
  loose?: SchemaTarget;
}

export interface OperationTable {
  request: {
    body?: string;
    bodies: Record<string, string>;
    path?: string;
    query?: string;
    headers?: string;
  };
  responses: Record<string, string>;
}

export interface OperationPlanned {
  operationId: string;
  prefix: string;
  module: string;
  targets: SchemaTarget[];
  table: OperationTable;
}

export interface ValidatorPlan {
  graph: ComponentGraph;
  components: ComponentPlan[];
  operations: OperationPlanned[];
}

const PARAM_SUFFIX: Record<ParamLocation, string> = {
  path: 'PathParams',
  query: 'QueryParams',
  header: 'HeaderParams',
};
const TABLE_KEY: Record<ParamLocation, 'path' | 'query' | 'headers'> = {
  path: 'path',
  query: 'query',
  header: 'headers',
};

/** `thirdParty`: recursive schemas are left out with a warning (see prune.ts for the rest). */
export function planValidators(
  spec: OpenAPIV3_1.Document,
  thirdParty?: ThirdPartyMode,
): ValidatorPlan {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, unknown>;
  const openapi30 = String(spec.openapi).startsWith('3.0');
  const graph = new ComponentGraph(schemas, { openapi30, thirdParty, document: spec });
  const generated = graph.names.filter((name) => graph.skipReason(name) === undefined);
  const names = new UniqueNames();
  assignBases(graph, names);
  const components = generated.map((name): ComponentPlan => {
    const pointer = childPointer('#/components/schemas', name);
    const base = graph.baseOf(name);
    const target = (loose: boolean): SchemaTarget => ({
      exportName: componentSchemaName(base, loose),
      module: componentModule(base, loose),
      mode: loose ? 'tolerant' : 'exact',
      source: { pointer, schema: schemas[name] },
    });
    return {
      name,
      base,
      exact: target(false),
      ...(graph.needsLooseVariant(name) ? { loose: target(true) } : {}),
    };
  });
  const operations = collectOperations(spec, thirdParty?.warn).map((op): OperationPlanned => {
    const prefix = names.unique(
      identifier(
        () => camelName(op.operationId, childPointer(op.pointer, 'operationId')),
        'operation',
      ),
    );
    const module = operationModule(prefix);
    const targets: SchemaTarget[] = [];
    const table: OperationTable = { request: { bodies: {} }, responses: {} };
    for (const location of ['path', 'query', 'header'] as const) {
      if (op.params[location].length === 0) continue;
      const exportName = names.unique(`${prefix}${PARAM_SUFFIX[location]}`);
      targets.push({
        exportName,
        module,
        mode: 'exact',
        source: { location, params: op.params[location] },
      });
      table.request[TABLE_KEY[location]] = exportName;
    }
    const mediaTypes = op.requestBodies.map((b) => b.mediaType);
    for (const body of op.requestBodies) {
      const exportName = names.unique(
        `${prefix}RequestBody${identifier(() => mediaSuffix(body.mediaType, mediaTypes, body.pointer), 'Media')}`,
      );
      targets.push({ exportName, module, mode: 'exact', source: body });
      table.request.bodies[body.mediaType] = exportName;
    }
    table.request.body = preferred(
      op.requestBodies.map((b) => b.mediaType),
      true,
    ).map((m) => table.request.bodies[m])[0];
    for (const [status, list] of op.responses) {
      const all = list.map((b) => b.mediaType);
      for (const body of list) {
        const exportName = names.unique(
          `${prefix}Response${statusSuffix(status, body.pointer)}${identifier(() => mediaSuffix(body.mediaType, all, body.pointer), 'Media')}`,
        );
        targets.push({ exportName, module, mode: 'tolerant', source: body });
      }
      const json = preferred(all, false)[0];
      const chosen = list.find((b) => b.mediaType === json);
      if (chosen)
        table.responses[status] = targets.find((t) => t.source === chosen)?.exportName as string;
    }
    return { operationId: op.operationId, prefix, module, targets, table };
  });
  return { graph, components, operations };
}

/**
 * Each component's identifier base, never colliding (case-insensitively, as file names on macOS
 * and Windows) with another's base, exports or module: in name order, a taken base gets the first
 * free numeric suffix (`Metric` -> `MetricSchema`; the spec's own `MetricSchema` -> `MetricSchema2`).
 */
function assignBases(graph: ComponentGraph, unique: UniqueNames): void {
  const taken = unique.taken;
  const names = (base: string) =>
    [base, componentSchemaName(base, false), componentSchemaName(base, true)].map((n) =>
      n.toLowerCase(),
    );
  for (const name of graph.names) {
    let wanted = 'Component';
    try {
      wanted = pascalName(name, childPointer('#/components/schemas', name));
    } catch {
      // A name without letters or digits (`*`): the plain fallback, made unique below.
    }
    let base = wanted;
    for (let i = 2; names(base).some((n) => taken.has(n)); i++) base = `${wanted}${i}`;
    for (const n of names(base)) taken.add(n);
    graph.setBase(name, base);
  }
}

/**
 * Every generated identifier, case-insensitively (module files on macOS and Windows): a taken
 * name gets the first free numeric suffix, in plan order, so names never collide and stay stable.
 */
class UniqueNames {
  readonly taken = new Set<string>();

  unique(name: string): string {
    let candidate = name;
    for (let i = 2; this.taken.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** An identifier from `derive`, or `fallback` when the name has no letters or digits (`*`). */
function identifier(derive: () => string, fallback: string): string {
  try {
    return derive();
  } catch (error) {
    if (error instanceof ValidatorGenerationError && error.keyword === 'name') return fallback;
    throw error;
  }
}

/** JSON media types first (`application/json` before `+json`); others only if `allowOther`. */
function preferred(mediaTypes: string[], allowOther: boolean): string[] {
  const json = mediaTypes
    .filter(isJsonMediaType)
    .sort((a, b) => Number(b === 'application/json') - Number(a === 'application/json'));
  if (json.length > 0 || !allowOther) return json;
  return mediaTypes.length === 1 ? mediaTypes : [];
}
