/** One module per component schema and variant: `schemas/<Name>.ts`, `schemas/<Name>.loose.ts`. */
import type { ComponentGraph } from '../component-graph.ts';
import { emitSchema } from '../emit-schema.ts';
import type { ComponentPlan, SchemaTarget } from '../plan.ts';
import { exportConst, exportInferredType, printModule } from './print.ts';
import { moduleContext } from './schema-context.ts';

export function componentModules(
  graph: ComponentGraph,
  component: ComponentPlan,
): [string, string][] {
  const modules: [string, string][] = [
    [component.exact.module, emit(graph, component.exact, component.base)],
  ];
  if (component.loose)
    modules.push([component.loose.module, emit(graph, component.loose, undefined)]);
  return modules;
}

function emit(graph: ComponentGraph, target: SchemaTarget, typeName: string | undefined): string {
  if (!('pointer' in target.source)) throw new Error('component targets have a pointer');
  const ctx = moduleContext(graph, target.module, target.source.pointer, target.mode);
  const schema = emitSchema(target.source.schema, ctx);
  const statements = [exportConst(target.exportName, schema)];
  if (typeName) statements.push(exportInferredType(typeName, target.exportName));
  return printModule([...ctx.imports.render(statements), ...statements]);
}
