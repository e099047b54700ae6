/**
 * `type-equality.test-d.ts`: for every component, `z.infer` of its schema must be identical to
 * openapi-typescript's `components['schemas'][name]` (the client-types stage's output): the
 * strict `Equal` below distinguishes `{a: string}` from `{a: string; [k: string]: unknown}` and
 * from two types that merely assign both ways. `tsc --noEmit` on this file fails when the two
 * generators drift apart. A component whose schema uses what Zod's types cannot say (recursion,
 * `not`, `patternProperties`, …) is listed with the reason instead of compared.
 */
import ts from '../../../pipeline/typescript-cjs.js';
import { ImportSet } from '../imports.ts';
import type { ValidatorPlan } from '../plan.ts';
import type { TypeGaps } from './component-module.ts';
import { printModule, type PrintedModule } from './print.ts';

const f = ts.factory;
const MODULE = 'generated/type-equality.test-d.ts';
/** openapi-typescript's output, written by the client-types stage. */
export const CLIENT_TYPES = '../../../client/src/generated/openapi.ts';

/**
 * The strict equality and its assertion, as fixed text in Prettier's layout (print-statements.ts
 * `Verbatim`: generic and conditional types are not modelled there).
 */
const EQUAL = `type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;`;

/** The client type without openapi-typescript's `readonly` on readOnly properties. */
const MUTABLE = `type Mutable<T> = T extends (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? {
        -readonly [K in keyof T]: Mutable<T[K]>;
      }
    : T;`;

/**
 * `readOnly` properties are `readonly` in openapi-typescript's types; the validators parse both
 * directions with one mutable type (a Zod object type has no per-property readonly), so when the
 * spec has any, both sides of a component that reaches one (`ComponentGraph.reachesReadOnly`)
 * are compared through `Mutable`, which drops that one modifier (and flattens intersections alike
 * on both sides), nothing else. The other components are compared as they are: `Mutable` builds
 * both types again, node by node, which on GitHub's spec (readOnly in a few places) made this
 * file cost 4 of the 15 seconds of `tsc` over the output.
 */
export function typeEqualityModule(
  plan: ValidatorPlan,
  gaps: TypeGaps = new Map(),
  ignoreReadonly = false,
): PrintedModule {
  const mutable = (name: string) => ignoreReadonly && plan.graph.reachesReadOnly(name);
  const imports = new ImportSet(MODULE);
  gaps = withReferrers(plan, gaps);
  const compared = plan.components.filter((c) => !gaps.has(c.name));
  const checks = compared.map((c) => {
    const inferred = f.createTypeReferenceNode(
      f.createQualifiedName(f.createIdentifier('z'), 'infer'),
      [f.createTypeQueryNode(imports.use(c.exact.module, c.exact.exportName))],
    );
    const clientType = f.createIndexedAccessTypeNode(
      f.createIndexedAccessTypeNode(
        f.createTypeReferenceNode('components'),
        f.createLiteralTypeNode(f.createStringLiteral('schemas')),
      ),
      f.createLiteralTypeNode(f.createStringLiteral(c.name)),
    );
    // both sides through the same mapped type, which also flattens `A & B` into one object
    const zodType = mutable(c.name) ? f.createTypeReferenceNode('Mutable', [inferred]) : inferred;
    const specType = mutable(c.name)
      ? f.createTypeReferenceNode('Mutable', [clientType])
      : clientType;
    return f.createPropertySignature(
      undefined,
      f.createStringLiteral(c.name),
      undefined,
      f.createTypeReferenceNode('Expect', [
        f.createTypeReferenceNode('Equal', [zodType, specType]),
      ]),
    );
  });
  const typeOnly = imports.render(checks).map((d) => retypeImport(d as ts.ImportDeclaration));
  const clientImport = f.createImportDeclaration(
    undefined,
    f.createImportClause(
      true,
      undefined,
      f.createNamedImports([
        f.createImportSpecifier(false, undefined, f.createIdentifier('components')),
      ]),
    ),
    f.createStringLiteral(CLIENT_TYPES),
  );
  const table = f.createTypeAliasDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    'TypeEquality',
    undefined,
    f.createTypeLiteralNode(checks),
  );
  const skipped = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          'notCompared',
          undefined,
          undefined,
          f.createAsExpression(
            f.createObjectLiteralExpression(
              [...gaps.entries()]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([name, reasons]) =>
                  f.createPropertyAssignment(
                    f.createStringLiteral(name),
                    f.createStringLiteral(reasons.join('; ')),
                  ),
                ),
              true,
            ),
            f.createTypeReferenceNode('const'),
          ),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  return printModule([
    ...typeOnly,
    clientImport,
    { verbatim: EQUAL },
    ...(compared.some((c) => mutable(c.name)) ? [{ verbatim: MUTABLE }] : []),
    table,
    skipped,
  ]);
}

/**
 * A component whose type differs from the client types makes every component that refers to it
 * (directly or through others) differ too, so those are listed as well, naming the one they reach.
 */
function withReferrers(plan: ValidatorPlan, gaps: TypeGaps): TypeGaps {
  if (gaps.size === 0) return gaps;
  const all: TypeGaps = new Map(gaps);
  for (const c of plan.components) {
    if (gaps.has(c.name)) continue;
    // breadth-first over the references, so the gap named is the nearest one
    const seen = new Set([c.name]);
    const queue = [c.name];
    for (let i = 0; i < queue.length; i++) {
      const gap = plan.graph.refsOf(queue[i]!).find((ref) => gaps.has(ref));
      if (gap) {
        all.set(c.name, [`refers to ${gap}, which is not compared`]);
        break;
      }
      for (const ref of plan.graph.refsOf(queue[i]!))
        if (!seen.has(ref)) (seen.add(ref), queue.push(ref));
    }
  }
  return all;
}

function retypeImport(d: ts.ImportDeclaration): ts.ImportDeclaration {
  const clause = d.importClause;
  if (!clause) return d;
  return f.updateImportDeclaration(
    d,
    d.modifiers,
    f.updateImportClause(clause, true, clause.name, clause.namedBindings),
    d.moduleSpecifier,
    d.attributes,
  );
}
