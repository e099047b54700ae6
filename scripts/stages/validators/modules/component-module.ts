/**
 * One module per component schema and variant: `schemas/<Name>.ts`, `schemas/<Name>.loose.ts`,
 * in both flavours (classic Zod, and Zod Mini under `generated/mini/`). A schema in a recursive
 * group gets an explicit `z.ZodType` (TypeScript cannot infer a type through its own initializer).
 */
import ts from '../../../pipeline/typescript-cjs.js';
import type { ComponentGraph } from '../component-graph.ts';
import { emitSchema } from '../emit-schema.ts';
import type { ComponentPlan, SchemaTarget } from '../plan.ts';
import { exportConst, exportInferredType, printFlavoured, type PrintedModule } from './print.ts';
import { moduleContext } from './schema-context.ts';

/** Component name -> why its `z.infer` cannot equal openapi-typescript's type. */
export type TypeGaps = Map<string, string[]>;

export function componentModules(
  graph: ComponentGraph,
  component: ComponentPlan,
  gaps?: TypeGaps,
  mini = false,
  /** Print a classic module's Mini twin with it (print.ts): false when there is no Mini build. */
  twin = true,
): [string, PrintedModule][] {
  const exact = emit(graph, component, component.exact, component.base, mini, twin);
  if (gaps && exact.gaps.length > 0) gaps.set(component.name, exact.gaps);
  const modules: [string, PrintedModule][] = [[place(component.exact.module, mini), exact.text]];
  if (component.loose)
    modules.push([
      place(component.loose.module, mini),
      emit(graph, component, component.loose, undefined, mini, twin).text,
    ]);
  return modules;
}

export function place(module: string, mini: boolean): string {
  return mini ? module.replace(/^generated\//, 'generated/mini/') : module;
}

function emit(
  graph: ComponentGraph,
  component: ComponentPlan,
  target: SchemaTarget,
  typeName: string | undefined,
  mini: boolean,
  twin: boolean,
): { text: PrintedModule; gaps: string[] } {
  if (!('pointer' in target.source)) throw new Error('component targets have a pointer');
  const ctx = moduleContext(graph, target.module, target.source.pointer, target.mode, {
    component: component.name,
    mini,
  });
  const schema = emitSchema(target.source.schema, ctx);
  const recursive = graph.isRecursive(component.name);
  if (recursive) ctx.state.gaps.add('recursive (explicit z.ZodType, z.infer is unknown)');
  const statements: ts.Statement[] = [
    ...ctx.state.locals,
    exportConst(target.exportName, schema, recursive ? ctx.imports.zodTypeNode() : undefined),
  ];
  if (typeName) statements.push(exportInferredType(typeName, target.exportName));
  return {
    text: printFlavoured(ctx.imports, statements, twin),
    gaps: [...ctx.state.gaps].sort(),
  };
}
