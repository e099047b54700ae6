/**
 * `operations.ts`: the table the client uses, `operationValidators[operationId]` ->
 * `{ request?: { body?, bodies, path?, query?, headers? }, responses: { [status]: schema } }`.
 * It is a separate entry point so importing one schema does not pull in every operation.
 */
import ts from 'typescript';
import { objectLiteral } from '../ast.ts';
import { ImportSet } from '../imports.ts';
import type { OperationPlanned, ValidatorPlan } from '../plan.ts';
import { printModule } from './print.ts';

const f = ts.factory;
const MODULE = 'generated/operations.ts';

export function tableModule(plan: ValidatorPlan): string {
  const imports = new ImportSet(MODULE);
  const entries = plan.operations.map((op): [string, ts.Expression] => [
    op.operationId,
    entry(op, imports),
  ]);
  const typeImport = f.createImportDeclaration(
    undefined,
    f.createImportClause(
      true,
      undefined,
      f.createNamedImports([
        f.createImportSpecifier(false, undefined, f.createIdentifier('OperationValidatorTable')),
      ]),
    ),
    f.createStringLiteral('../operation-types.ts'),
  );
  const table = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          'operationValidators',
          undefined,
          undefined,
          f.createSatisfiesExpression(
            objectLiteral(entries),
            f.createTypeReferenceNode('OperationValidatorTable'),
          ),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  return printModule([typeImport, ...imports.render([table]), table]);
}

function entry(op: OperationPlanned, imports: ImportSet): ts.Expression {
  const use = (name: string) => imports.use(op.module, name);
  const { body, bodies, path, query, headers } = op.table.request;
  const request: [string, ts.Expression][] = [];
  if (body) request.push(['body', use(body)]);
  if (Object.keys(bodies).length > 0)
    request.push([
      'bodies',
      objectLiteral(Object.entries(bodies).map(([media, name]) => [media, use(name)])),
    ]);
  if (path) request.push(['path', use(path)]);
  if (query) request.push(['query', use(query)]);
  if (headers) request.push(['headers', use(headers)]);
  const responses = objectLiteral(
    Object.entries(op.table.responses).map(([status, name]) => [status, use(name)]),
  );
  return objectLiteral([
    ...(request.length > 0 ? [['request', objectLiteral(request)] as [string, ts.Expression]] : []),
    ['responses', responses],
  ]);
}
