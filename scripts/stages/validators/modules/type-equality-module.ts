/**
 * `type-equality.test-d.ts`: for every component, `z.infer` of its schema and openapi-typescript's
 * `components['schemas'][name]` (the client-types stage's output) must be mutually assignable.
 * `tsc --noEmit` on this file fails when the two generators drift apart.
 */
import ts from 'typescript';
import { ImportSet } from '../imports.ts';
import type { ValidatorPlan } from '../plan.ts';
import { printModule } from './print.ts';

const f = ts.factory;
const MODULE = 'generated/type-equality.test-d.ts';
/** openapi-typescript's output, written by the client-types stage. */
export const CLIENT_TYPES = '../../../client/src/generated/openapi.ts';

export function typeEqualityModule(plan: ValidatorPlan): string {
  const imports = new ImportSet(MODULE);
  const checks = plan.components.map((c) => {
    const zodType = f.createTypeReferenceNode(
      f.createQualifiedName(f.createIdentifier('z'), 'infer'),
      [f.createTypeQueryNode(imports.use(c.exact.module, c.exact.exportName))],
    );
    const specType = f.createIndexedAccessTypeNode(
      f.createIndexedAccessTypeNode(
        f.createTypeReferenceNode('components'),
        f.createLiteralTypeNode(f.createStringLiteral('schemas')),
      ),
      f.createLiteralTypeNode(f.createStringLiteral(c.name)),
    );
    return f.createPropertySignature(
      undefined,
      f.createStringLiteral(c.name),
      undefined,
      f.createTypeReferenceNode('Expect', [
        f.createTypeReferenceNode('MutuallyAssignable', [zodType, specType]),
      ]),
    );
  });
  const typeOnly = imports.render(checks).map((d) => retypeImport(d as ts.ImportDeclaration));
  const source = `
import type { components } from ${JSON.stringify(CLIENT_TYPES)};
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
`;
  const table = f.createTypeAliasDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    'TypeEquality',
    undefined,
    f.createTypeLiteralNode(checks),
  );
  return printModule([
    ...typeOnly,
    ...ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2023).statements,
    table,
  ]);
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
