/**
 * `operations.ts`: the table the client uses, `operationValidators[operationId]` ->
 * `{ request?: { body?, bodies, path?, query?, headers? }, responses: { [status]: schema } }`.
 * It is a separate entry point so importing one schema does not pull in every operation.
 * The table has an explicit type of `typeof` references: declaration emit (and an app's `tsc`)
 * then reuses it instead of printing every schema's inferred type again (7.8 of 14.5 s of `tsc`
 * on Car Owner's validators; for large specs such as Stripe the inferred type is too long to emit
 * at all, TS7056). It checks itself against the table shape over Zod's core type (cheap to
 * compare; operation-types.ts).
 */
import ts from '../../../pipeline/typescript-cjs.js';
import { objectLiteral, propertyName } from '../ast.ts';
import { ImportSet } from '../imports.ts';
import type { OperationPlanned, ValidatorPlan } from '../plan.ts';
import { printModule, type PrintedModule } from './print.ts';

const f = ts.factory;
const MODULE = 'generated/operations.ts';

/** An imported schema, or an object of named subtrees. */
type Tree = ts.Identifier | [string, Tree][];

const toExpression = (tree: Tree): ts.Expression =>
  Array.isArray(tree) ? objectLiteral(tree.map(([k, v]) => [k, toExpression(v)])) : tree;

const toType = (tree: Tree): ts.TypeNode =>
  Array.isArray(tree)
    ? f.createTypeLiteralNode(
        tree.map(([k, v]) =>
          f.createPropertySignature(undefined, propertyName(k), undefined, toType(v)),
        ),
      )
    : f.createTypeQueryNode(tree);

export function tableModule(plan: ValidatorPlan): PrintedModule {
  const imports = new ImportSet(MODULE);
  const tree: Tree = plan.operations.map((op): [string, Tree] => [
    op.operationId,
    entry(op, imports),
  ]);
  const typeImport = (name: string, from: string, namespace = false) =>
    f.createImportDeclaration(
      undefined,
      f.createImportClause(
        true,
        undefined,
        namespace
          ? f.createNamespaceImport(f.createIdentifier(name))
          : f.createNamedImports([
              f.createImportSpecifier(false, undefined, f.createIdentifier(name)),
            ]),
      ),
      f.createStringLiteral(from),
    );
  const table = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          'operationValidators',
          undefined,
          toType(tree),
          f.createSatisfiesExpression(
            toExpression(tree),
            f.createTypeReferenceNode('OperationValidatorTable', [
              f.createTypeReferenceNode(
                f.createQualifiedName(
                  f.createQualifiedName(f.createIdentifier('z'), 'core'),
                  'SomeType',
                ),
              ),
            ]),
          ),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  return printModule([
    typeImport('z', 'zod', true),
    typeImport('OperationValidatorTable', '../operation-types.ts'),
    ...imports.render(),
    table,
  ]);
}

function entry(op: OperationPlanned, imports: ImportSet): Tree {
  const use = (name: string) => imports.use(op.module, name);
  const { body, bodies, path, query, headers } = op.table.request;
  const request: [string, Tree][] = [];
  if (body) request.push(['body', use(body)]);
  if (Object.keys(bodies).length > 0)
    request.push(['bodies', Object.entries(bodies).map(([media, name]) => [media, use(name)])]);
  if (path) request.push(['path', use(path)]);
  if (query) request.push(['query', use(query)]);
  if (headers) request.push(['headers', use(headers)]);
  const responses: [string, Tree][] = Object.entries(op.table.responses).map(([status, name]) => [
    status,
    use(name),
  ]);
  return [
    ...(request.length > 0 ? [['request', request] as [string, Tree]] : []),
    ['responses', responses],
  ];
}
