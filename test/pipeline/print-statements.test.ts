/**
 * print-statements.ts prints the validators' modules in Prettier's layout without Prettier, and
 * the validators stage writes them unformatted. Wherever it answers, the module must be what
 * Prettier makes of the TypeScript printer's text (the stage's output with the layout printer
 * off, formatted as before), byte for byte; where it cannot promise that, it must say so and the
 * module goes to Prettier.
 */
import path from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFiles } from '../../scripts/pipeline/format.ts';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { printStatements } from '../../scripts/pipeline/print-statements.ts';
import type { GeneratedFile } from '../../scripts/pipeline/stage.ts';
import { createValidatorsStage } from '../../scripts/stages/validators/index.ts';
import { layoutPrinter } from '../../scripts/stages/validators/modules/print.ts';
import { bundleFixture, loadBundledSpec, repoRoot, specFixtures } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};

/** How the TypeScript printer writes a control character or line separator in a string. */
const AWKWARD_ESCAPE = /\\[tnrbfv0]|\\u00[01][0-9a-f]|\\u007f|\\u0085|\\u202[89]/i;

afterEach(() => {
  layoutPrinter.enabled = true;
});

function validatorFiles(spec: OpenAPIV3_1.Document, thirdParty: boolean): GeneratedFile[] {
  const stage = createValidatorsStage(thirdParty ? { warn: () => {}, mini: true } : undefined);
  return stage.run({ spec, root: repoRoot, outputs: new Map() }) as GeneratedFile[];
}

/** Both paths: the layout printer's files, and the TypeScript printer's files through Prettier. */
async function compare(spec: OpenAPIV3_1.Document, thirdParty: boolean) {
  const printed = validatorFiles(spec, thirdParty);
  layoutPrinter.enabled = false;
  const plain = validatorFiles(spec, thirdParty);
  layoutPrinter.enabled = true;
  const viaPrettier = await formatFiles(plain, repoRoot);
  expect(printed.map((f) => f.path)).toEqual(viaPrettier.map((f) => f.path));
  const direct = printed.filter((f) => f.formatted);
  for (const [i, file] of printed.entries())
    if (file.formatted) expect(file.content, file.path).toBe(viaPrettier[i]!.content);
  return { files: printed, direct };
}

describe('validator modules printed in Prettier’s layout', () => {
  it('are Prettier’s output for Car Owner: every module, the operation table and the type-equality file too', async () => {
    const { files, direct } = await compare(loadBundledSpec(), false);
    expect(files.filter((f) => !f.formatted).map((f) => path.basename(f.path))).toEqual([]);
    expect(direct.length).toBeGreaterThan(300);
  });

  it.each(specFixtures())('are Prettier’s output for %s', async (file) => {
    const { files, direct } = await compare(await bundleFixture(file), true);
    // schema and operation modules, both builds: printed here, unless a string in them holds a
    // control character or line separator (which the printer declines)
    const modules = files.filter((f) =>
      /\/generated\/(mini\/)?(schemas|operations)\//.test(f.path),
    );
    for (const m of modules.filter((m) => !direct.includes(m)))
      expect(m.content, m.path).toMatch(AWKWARD_ESCAPE);
    // the table (a typed `satisfies`) and the type-equality file (with its fixed declarations,
    // `Mutable` where the spec has readOnly properties): printed here unless a key is `__proto__`
    for (const name of ['operations.ts', 'type-equality.test-d.ts']) {
      const table = files.find((f) => f.path.endsWith(`/generated/${name}`))!;
      if (!table.formatted) expect(table.content, name).toMatch(/\['__proto__'\]/);
    }
    expect(direct.length).toBeGreaterThan(0);
  });
});

const f = ts.factory;
const id = (name: string) => f.createIdentifier(name);
const z = (name: string, ...args: ts.Expression[]) =>
  f.createCallExpression(f.createPropertyAccessExpression(id('z'), name), undefined, args);
const exportConst = (name: string, value: ts.Expression) =>
  f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, undefined, value)],
      ts.NodeFlags.Const,
    ),
  );
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const source = ts.createSourceFile('x.ts', '', ts.ScriptTarget.ES2023, false, ts.ScriptKind.TS);
const HEADER = '/** A header, as every generated module has. */\n';
const tsText = (statements: ts.Statement[]) =>
  `${HEADER}\n${statements.map((s) => printer.printNode(ts.EmitHint.Unspecified, s, source)).join('\n')}\n`;

describe('the layout printer on constructs the fixtures rarely reach', () => {
  const arrow = (body: ts.Expression) =>
    f.createArrowFunction(undefined, undefined, [], undefined, undefined, body);
  const long = 'AVeryLongComponentSchemaNameThatTakesUpMostOfTheLine';

  it.each([
    ['a lazy reference', exportConst('A', z('optional', z('lazy', arrow(id(`${long}Schema`)))))],
    [
      'a lazy union that hugs its arrow',
      exportConst(
        'B',
        z('lazy', arrow(z('union', f.createArrayLiteralExpression([id(long), id(`${long}2`)])))),
      ),
    ],
    [
      'an argument that is a call of an arrow (function composition)',
      exportConst(
        'C',
        f.createCallExpression(id('pipe'), undefined, [z('lazy', arrow(id('X'))), id('y')]),
      ),
    ],
    [
      'a long z.infer type',
      f.createTypeAliasDeclaration(
        [f.createModifier(ts.SyntaxKind.ExportKeyword)],
        long,
        undefined,
        f.createTypeReferenceNode(f.createQualifiedName(id('z'), 'infer'), [
          f.createTypeQueryNode(id(`${long}Schema`)),
        ]),
      ),
    ],
    [
      'a chain of three calls with a non-trivial argument',
      exportConst(
        'D',
        f.createCallExpression(
          f.createPropertyAccessExpression(
            f.createCallExpression(
              f.createPropertyAccessExpression(z('string'), 'check'),
              undefined,
              [z('minLength', f.createNumericLiteral('1'))],
            ),
            'check',
          ),
          undefined,
          [z('maxLength', f.createNumericLiteral('5000')), z('regex', f.createStringLiteral(long))],
        ),
      ),
    ],
    [
      'a number array that fills its lines',
      exportConst(
        'E',
        z(
          'literal',
          f.createArrayLiteralExpression(
            Array.from({ length: 40 }, (_, i) => f.createNumericLiteral(String(i * 1000))),
          ),
        ),
      ),
    ],
    [
      'a typed table checked with `satisfies`, its keys quoted where they must be',
      f.createVariableStatement(
        [f.createModifier(ts.SyntaxKind.ExportKeyword)],
        f.createVariableDeclarationList(
          [
            f.createVariableDeclaration(
              'table',
              undefined,
              f.createTypeLiteralNode(
                ['200', 'application/json', long].map((k) =>
                  f.createPropertySignature(
                    undefined,
                    f.createStringLiteral(k),
                    undefined,
                    f.createTypeQueryNode(id(`${long}Schema`)),
                  ),
                ),
              ),
              f.createSatisfiesExpression(
                f.createObjectLiteralExpression(
                  ['200', 'application/json', long].map((k) =>
                    f.createPropertyAssignment(f.createStringLiteral(k), id(`${long}Schema`)),
                  ),
                  true,
                ),
                f.createTypeReferenceNode('Table', [
                  f.createTypeReferenceNode(
                    f.createQualifiedName(f.createQualifiedName(id('z'), 'core'), '$ZodType'),
                  ),
                ]),
              ),
            ),
          ],
          ts.NodeFlags.Const,
        ),
      ),
    ],
    [
      'a type alias of a type literal with nested generic members',
      f.createTypeAliasDeclaration(
        [f.createModifier(ts.SyntaxKind.ExportKeyword)],
        'Checks',
        undefined,
        f.createTypeLiteralNode([
          f.createPropertySignature(
            undefined,
            id('Short'),
            undefined,
            f.createTypeReferenceNode('Expect', [
              f.createTypeReferenceNode('Equal', [
                f.createTypeReferenceNode('A'),
                f.createTypeReferenceNode('B'),
              ]),
            ]),
          ),
          f.createPropertySignature(
            undefined,
            id(long),
            undefined,
            f.createTypeReferenceNode('Expect', [
              f.createTypeReferenceNode('Equal', [
                f.createTypeReferenceNode(f.createQualifiedName(id('z'), 'infer'), [
                  f.createTypeQueryNode(id(`${long}Schema`)),
                ]),
                f.createIndexedAccessTypeNode(
                  f.createTypeReferenceNode('components'),
                  f.createLiteralTypeNode(f.createStringLiteral(long)),
                ),
              ]),
            ]),
          ),
        ]),
      ),
    ],
    [
      'an object `as const`',
      exportConst(
        'notCompared',
        f.createAsExpression(
          f.createObjectLiteralExpression(
            [f.createPropertyAssignment(f.createStringLiteral(long), f.createStringLiteral(long))],
            true,
          ),
          f.createTypeReferenceNode('const'),
        ),
      ),
    ],
  ])('%s: Prettier’s bytes', async (_name, statement) => {
    const printed = printStatements(HEADER, [statement]);
    expect(printed, 'printed without a fallback').toBeDefined();
    expect(printed).toBe(await prettier.format(tsText([statement]), options));
  });

  it('leaves to Prettier what it does not model', () => {
    const cases: ts.Statement[] = [
      exportConst('A', z('string', f.createStringLiteral('line\u2028separator'))),
      exportConst('B', z('string', f.createStringLiteral('lone \uD800 surrogate'))),
      exportConst(
        'C',
        f.createCallExpression(id('require'), undefined, [f.createStringLiteral('x')]),
      ),
      // a union type alias and a generic annotation of generics: layouts not modelled
      f.createTypeAliasDeclaration(
        undefined,
        'D',
        undefined,
        f.createUnionTypeNode([f.createTypeReferenceNode('A'), f.createTypeReferenceNode('B')]),
      ),
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [
            f.createVariableDeclaration(
              'F',
              undefined,
              f.createTypeReferenceNode('Map', [
                f.createTypeReferenceNode('K'),
                f.createTypeReferenceNode('Set', [f.createTypeReferenceNode('V')]),
              ]),
              id('x'),
            ),
          ],
          ts.NodeFlags.Const,
        ),
      ),
      exportConst('E', arrow(f.createObjectLiteralExpression([]))),
    ];
    for (const statement of cases) expect(printStatements(HEADER, [statement])).toBeUndefined();
  });
});
