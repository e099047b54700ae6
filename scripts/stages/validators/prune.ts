/**
 * Third-party mode: emits every planned schema once and leaves out, with a warning, each one the
 * emitter cannot generate (an unsupported keyword, a `$ref` to a skipped component), so every
 * module that is written compiles and the operations table names only what exists.
 */
import { ValidatorGenerationError } from './errors.ts';
import type { ComponentGraph } from './component-graph.ts';
import { emitSchema } from './emit-schema.ts';
import { emitTarget } from './modules/operation-module.ts';
import { moduleContext } from './modules/schema-context.ts';
import type { OperationPlanned, SchemaTarget, ValidatorPlan } from './plan.ts';

/** The reason generation failed, or undefined when `emit` succeeds. */
function failure(emit: () => unknown): string | undefined {
  try {
    emit();
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidatorGenerationError)) throw error;
    return error.message.replace(/^validators: /, '');
  }
}

function componentFailure(
  graph: ComponentGraph,
  name: string,
  target: SchemaTarget,
): string | undefined {
  if (!('pointer' in target.source)) throw new Error('component targets have a pointer');
  const { pointer, schema } = target.source;
  return failure(() =>
    emitSchema(
      schema,
      moduleContext(graph, target.module, pointer, target.mode, { component: name }),
    ),
  );
}

function pruneOperation(graph: ComponentGraph, op: OperationPlanned): OperationPlanned {
  const base = moduleContext(graph, op.module, '#', 'exact');
  const dropped = new Set<string>();
  for (const target of op.targets) {
    const reason = failure(() => emitTarget(target, base));
    if (reason === undefined) continue;
    dropped.add(target.exportName);
    graph.options.thirdParty?.warn(
      `validators: skipped ${target.exportName} (operation ${op.operationId}): ${reason}`,
    );
  }
  if (dropped.size === 0) return op;
  const keep = (name: string | undefined) => name !== undefined && !dropped.has(name);
  const kept = <T extends Record<string, string>>(map: T) =>
    Object.fromEntries(Object.entries(map).filter(([, name]) => keep(name)));
  const { body, bodies, path, query, headers } = op.table.request;
  return {
    ...op,
    targets: op.targets.filter((t) => !dropped.has(t.exportName)),
    table: {
      request: {
        bodies: kept(bodies),
        ...(keep(body) ? { body } : {}),
        ...(keep(path) ? { path } : {}),
        ...(keep(query) ? { query } : {}),
        ...(keep(headers) ? { headers } : {}),
      },
      responses: kept(op.table.responses),
    },
  };
}

export function pruneUnsupported(plan: ValidatorPlan): ValidatorPlan {
  const { graph } = plan;
  const byName = new Map(plan.components.map((c) => [c.name, c]));
  for (const name of graph.dependencyOrder()) {
    const component = byName.get(name);
    if (!component) continue;
    for (const target of [component.exact, ...(component.loose ? [component.loose] : [])]) {
      const reason = componentFailure(graph, name, target);
      if (reason === undefined) continue;
      graph.skip(name, reason);
      break;
    }
  }
  // In a recursive group a member may have been emitted before the one it refers to was skipped.
  for (let changed = true; changed;) {
    changed = false;
    for (const name of graph.names) {
      if (graph.skipReason(name) !== undefined) continue;
      const ref = graph.refsOf(name).find((r) => graph.skipReason(r) !== undefined);
      if (ref === undefined) continue;
      graph.skip(name, `refers to ${ref}, which is skipped`);
      changed = true;
    }
  }
  return {
    graph,
    components: plan.components.filter((c) => graph.skipReason(c.name) === undefined),
    operations: plan.operations.map((op) => pruneOperation(graph, op)),
  };
}
