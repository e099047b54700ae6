/**
 * One module per operation: `operations/<operationId>.ts` with its parameter objects, request
 * bodies and response bodies. A body that is just a component `$ref` re-exports that schema.
 * Parameter objects keep unknown keys: the spec does not say extra parameters are rejected.
 */
import type ts from 'typescript';
import { call, objectLiteral, zCall } from '../ast.ts';
import type { ComponentGraph } from '../component-graph.ts';
import { child, runtime, type EmitContext } from '../context.ts';
import { emitSchema } from '../emit-schema.ts';
import { assertPropertyName } from '../kinds/object.ts';
import type { OperationPlanned, SchemaTarget } from '../plan.ts';
import { exportConst, printFlavoured, type PrintedModule } from './print.ts';
import { moduleContext } from './schema-context.ts';

export function operationModule(
  graph: ComponentGraph,
  op: OperationPlanned,
  mini = false,
  /** Print the Mini twin with it (print.ts): false when there is no Mini build. */
  twin = true,
): PrintedModule {
  const exact = moduleContext(graph, op.module, '#', 'exact', { mini });
  const exports = op.targets.map((target) =>
    exportConst(target.exportName, emitTarget(target, exact)),
  );
  const statements = [...exact.state.locals, ...exports];
  return printFlavoured(exact.imports, statements, twin);
}

export function emitTarget(target: SchemaTarget, base: EmitContext): ts.Expression {
  const ctx: EmitContext = { ...base, mode: target.mode };
  const source = target.source;
  if ('pointer' in source) return emitSchema(source.schema, { ...ctx, pointer: source.pointer });
  const shape = source.params.map((param): [string, ts.Expression] => {
    assertPropertyName(param.name, param.pointer);
    const schema = emitSchema(param.schema, { ...child(ctx, []), pointer: param.pointer });
    return [param.name, param.required ? schema : zCall('optional', schema)];
  });
  return call(runtime(ctx, 'object', 'openObject'), zCall('looseObject', objectLiteral(shape)));
}
