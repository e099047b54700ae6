/**
 * The emit context for one module: its imports, how a component `$ref` resolves from it (lazily
 * inside a recursive group), the module-local schemas other local `$ref`s become, and the type
 * gaps its schemas record.
 */
import ts from '../../../pipeline/typescript-cjs.js';
import { zCall } from '../ast.ts';
import type { ComponentGraph } from '../component-graph.ts';
import type { EmitContext, Mode } from '../context.ts';
import { emitSchema } from '../emit-schema.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { ImportSet } from '../imports.ts';
import { componentModule, componentSchemaName } from '../naming.ts';

const f = ts.factory;

export interface ModuleState {
  /** Module-local schemas (`const $ref0: z.ZodType = z.lazy(...)`), in order of first use. */
  readonly locals: ts.Statement[];
  /** Why `z.infer` of this module's schema cannot equal openapi-typescript's type. */
  readonly gaps: Set<string>;
}

export interface ModuleOptions {
  /** The component this module belongs to, for lazy references within its recursive group. */
  component?: string;
  /** Emit the Zod Mini flavour (`zod/mini`, modules under `generated/mini/`). */
  mini?: boolean;
}

export function moduleContext(
  graph: ComponentGraph,
  module: string,
  pointer: string,
  mode: Mode,
  options: ModuleOptions = {},
): EmitContext & { state: ModuleState } {
  const imports = new ImportSet(module, options.mini === true);
  const { openapi30 = false, thirdParty } = graph.options;
  const state: ModuleState = { locals: [], gaps: new Set() };
  const localNames = new Map<string, string>();
  return {
    state,
    pointer,
    mode,
    impliedType: undefined,
    imports,
    openapi30,
    unknownFormat: thirdParty
      ? (format, where) =>
          graph.warnOnce(
            `format:${format}`,
            `validators: format ${JSON.stringify(format)} has no validator and is not checked (first at ${where})`,
          )
      : undefined,
    uncheckable: thirdParty
      ? (what, where, reason) =>
          graph.warnOnce(`${what}@${where}`, `validators: ${what} at ${where}: ${reason}`)
      : undefined,
    typeGap: (reason) => state.gaps.add(reason),
    resolve: (target) => graph.resolve(target),
    ref(name, refMode, where) {
      if (!graph.has(name))
        throw new ValidatorGenerationError(
          '$ref',
          where,
          `no component schema named ${JSON.stringify(name)}`,
        );
      if (graph.skipReason(name) !== undefined)
        throw new ValidatorGenerationError('$ref', where, `refers to ${name}, which is skipped`);
      const base = graph.baseOf(name);
      const loose = refMode === 'tolerant' && graph.needsLooseVariant(name);
      const id = imports.use(componentModule(base, loose), componentSchemaName(base, loose));
      if (graph.isRecursive(name)) state.gaps.add(`refers to the recursive schema ${name}`);
      // Operation modules load after every component, so only a group's own references are lazy.
      const lazy = options.component !== undefined && graph.sameGroup(options.component, name);
      return lazy
        ? zCall('lazy', f.createArrowFunction(undefined, undefined, [], undefined, undefined, id))
        : id;
    },
    localRef(target, where, ctx) {
      const key = `${ctx.mode} ${target}`;
      const known = localNames.get(key);
      if (known) return f.createIdentifier(known);
      const node = graph.resolve(target);
      if (node === undefined)
        throw new ValidatorGenerationError(
          '$ref',
          where,
          `cannot resolve ${JSON.stringify(target)}`,
        );
      const name = `$ref${localNames.size}`;
      localNames.set(key, name);
      state.gaps.add(`local reference ${target}`);
      const body = emitSchema(node, { ...ctx, pointer: target, impliedType: undefined });
      state.locals.push(
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [
              f.createVariableDeclaration(
                name,
                undefined,
                imports.zodTypeNode(),
                zCall(
                  'lazy',
                  f.createArrowFunction(undefined, undefined, [], undefined, undefined, body),
                ),
              ),
            ],
            ts.NodeFlags.Const,
          ),
        ),
      );
      return f.createIdentifier(name);
    },
  };
}
