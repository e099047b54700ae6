/**
 * print-types.ts prints openapi-typescript's AST in Prettier's layout without Prettier, and the
 * client-types stage writes `openapi.ts` from it unformatted. Wherever it answers, its text must
 * be what Prettier makes of the TypeScript printer's text, byte for byte; where it cannot promise
 * that, it must say so (undefined) and the stage must fall back to Prettier.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../scripts/pipeline/format.ts';
import { printTypes } from '../../scripts/pipeline/print-types.ts';
import {
  emitOpenapiTypesModule,
  openapiTsNodes,
} from '../../scripts/stages/client-types/emit-openapi-types.ts';
import { GENERATED_HEADER } from '../../scripts/stages/client-types/header.ts';
import { bundleFixture, loadBundledSpec, repoRoot, specFixtures } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};
const viaPrettier = (nodes: readonly ts.Node[]) =>
  prettier.format(astToString([...nodes]), options);

const SPECS = specFixtures();

describe('client types printed in Prettier’s layout', () => {
  it('are Prettier’s output for the Car Owner bundle, and the stage writes them unformatted', async () => {
    const spec = loadBundledSpec();
    const nodes = openapiTsNodes(spec);
    expect(printTypes(nodes)).toBe(await viaPrettier(nodes));
    const module = emitOpenapiTypesModule(spec);
    expect(module.formatted).toBe(true);
    expect(module.content).toBe(
      fs.readFileSync(path.join(repoRoot, 'packages/client/src/generated/openapi.ts'), 'utf8'),
    );
  });

  it.each(SPECS)('are Prettier’s output for %s', async (file) => {
    const nodes = openapiTsNodes(await bundleFixture(file));
    const printed = printTypes(nodes);
    expect(printed, 'printed without a fallback').toBeDefined();
    expect(printed).toBe(await viaPrettier(nodes));
  });

  it('break long unions, hug nullable objects and keep odd keys and comment text as Prettier does', async () => {
    const spec = await bundleFixture('test/fixtures/features/type-layout.yaml');
    const printed = printTypes(openapiTsNodes(spec));
    expect(printed).toContain("      status:\n        | 'available_for_booking'\n");
    expect(printed).toContain('      owner?: {\n        name?: string;\n      } | null;\n');
    expect(printed).toContain("      '\\u00F8rret-fangst'?: string;\n");
    // `-1[]` is TypeScript, but Babel (React Native's parser, Prettier's babel-ts) refuses it
    expect(printed).toContain('      minusOnes?: Array<-1>;\n');
    // the stage respells `-1[]` only after the printer refuses it, and still writes it printed
    const module = emitOpenapiTypesModule(spec);
    expect(module).toEqual({ content: `${GENERATED_HEADER}\n${printed}`, formatted: true });
    await expect(prettier.format(printed!, options)).resolves.toBe(printed);
    expect(printed).toContain(
      '     * A summary with a tab\there and a CRLF\n     *     line and *\\/ inside\n',
    );
  });
});

// A comment line the TypeScript printer leaves without its `*` (a lone CR starts a new line)
// keeps that printer's indentation in Prettier's output: not modelled, so Prettier formats it.
function withComment(text: string): ts.Node[] {
  const member = ts.factory.createPropertySignature(
    undefined,
    'name',
    undefined,
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  );
  ts.addSyntheticLeadingComment(member, ts.SyntaxKind.MultiLineCommentTrivia, text, true);
  const literal = ts.factory.createTypeLiteralNode([member]);
  const holder = ts.factory.createPropertySignature(undefined, 'A', undefined, literal);
  return [
    ts.factory.createInterfaceDeclaration(
      [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      'components',
      undefined,
      undefined,
      [holder],
    ),
  ];
}

describe('where Prettier’s layout is not modelled', () => {
  it('says so, and the stage leaves the file to Prettier with the same result', async () => {
    const nodes = withComment('*\n * @description one\rtwo\n ');
    expect(printTypes(nodes)).toBeUndefined();
    const spec = await bundleFixture('test/fixtures/features/type-layout.yaml');
    spec.components!.schemas!.Car!.description = 'one\rtwo';
    const module = emitOpenapiTypesModule(spec);
    expect(module.formatted).toBeUndefined();
    const [formatted] = await formatFiles([{ path: 'openapi.ts', ...module }], repoRoot);
    expect(formatted!.content).toBe(await prettier.format(module.content, options));
    expect(formatted!.content).toContain('    /** @description one\n');
  });

  it('says so for a union indexed by a key, whose parentheses it does not print', () => {
    const f = ts.factory;
    const union = f.createUnionTypeNode([
      f.createTypeReferenceNode('A'),
      f.createTypeReferenceNode('B'),
    ]);
    const indexed = f.createIndexedAccessTypeNode(
      union,
      f.createLiteralTypeNode(f.createStringLiteral('x')),
    );
    const member = f.createPropertySignature(undefined, 'm', undefined, indexed);
    const nodes = [f.createInterfaceDeclaration(undefined, 'X', undefined, undefined, [member])];
    expect(printTypes(nodes)).toBeUndefined();
  });

  it('still prints a JSDoc block that only has CRLF line ends', async () => {
    const nodes = withComment('*\n * @description one\r\n *     two\n ');
    expect(printTypes(nodes)).toBe(await viaPrettier(nodes));
  });
});

// Random declarations from the node kinds openapi-typescript emits, with names long enough to
// cross the print width at every depth: the printer must agree with Prettier on each.
const f = ts.factory;
const NAMES = [
  'a',
  'id',
  'status',
  'x-rate-limit',
  'bøk',
  "it's",
  '200',
  'say "hi"',
  'a'.repeat(40),
];
const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.integer({ min: 1, max: 90 }).map((n) => `p${'q'.repeat(n)}`),
);
const key = name.map((n) =>
  /^\d+$/.test(n)
    ? f.createNumericLiteral(n)
    : /^[A-Za-z_$][\w$]*$/.test(n)
      ? f.createIdentifier(n)
      : f.createStringLiteral(n),
);
const leaf: fc.Arbitrary<ts.TypeNode> = fc.oneof(
  fc
    .constantFrom(
      ts.SyntaxKind.StringKeyword,
      ts.SyntaxKind.NumberKeyword,
      ts.SyntaxKind.BooleanKeyword,
      ts.SyntaxKind.UnknownKeyword,
      ts.SyntaxKind.NeverKeyword,
    )
    .map((k) => f.createKeywordTypeNode(k as ts.KeywordTypeSyntaxKind)),
  fc.constant(f.createLiteralTypeNode(f.createNull())),
  name.map((n) => f.createIdentifier(JSON.stringify(n)) as unknown as ts.TypeNode),
  fc
    .integer({ min: -5, max: 5 })
    .map((n) =>
      f.createLiteralTypeNode(
        n < 0
          ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-n))
          : f.createNumericLiteral(n),
      ),
    ),
  name.map((n) =>
    f.createIndexedAccessTypeNode(
      f.createIndexedAccessTypeNode(
        f.createTypeReferenceNode('components'),
        f.createLiteralTypeNode(f.createStringLiteral('schemas')),
      ),
      f.createLiteralTypeNode(f.createStringLiteral(n)),
    ),
  ),
);
const { type } = fc.letrec<{ type: ts.TypeNode; member: ts.TypeElement }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('type').map((t) => f.createArrayTypeNode(t)),
    fc.array(tie('type'), { minLength: 2, maxLength: 5 }).map((ts_) => f.createUnionTypeNode(ts_)),
    fc
      .array(tie('type'), { minLength: 2, maxLength: 3 })
      .map((ts_) => f.createIntersectionTypeNode(ts_)),
    fc.array(tie('member'), { minLength: 0, maxLength: 4 }).map((m) => f.createTypeLiteralNode(m)),
    tie('type').map((t) =>
      f.createTypeReferenceNode('Record', [
        f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        t,
      ]),
    ),
    fc.array(tie('type'), { minLength: 1, maxLength: 3 }).map((e) => f.createTupleTypeNode(e)),
  ),
  member: fc.oneof(
    fc
      .tuple(
        key,
        fc.boolean(),
        tie('type'),
        fc.option(fc.constantFrom('* @enum {string} ', '*\n * @description one\n *     two  \n ')),
      )
      .map(([k, optional, t, doc]) => {
        const m = f.createPropertySignature(
          undefined,
          k,
          optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
          t,
        );
        if (doc) ts.addSyntheticLeadingComment(m, ts.SyntaxKind.MultiLineCommentTrivia, doc, true);
        return m as ts.TypeElement;
      }),
    tie('type').map((t) =>
      f.createIndexSignature(
        undefined,
        [
          f.createParameterDeclaration(
            undefined,
            undefined,
            'key',
            undefined,
            f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
          ),
        ],
        t,
      ),
    ),
  ),
}));

describe('random declarations', () => {
  it('print as Prettier formats the TypeScript printer’s text of them', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(type, { minLength: 1, maxLength: 4 }), async (types) => {
        const members = types.map((t, i) =>
          f.createPropertySignature(undefined, `m${i}`, undefined, t),
        );
        const nodes = [
          f.createInterfaceDeclaration(
            [f.createModifier(ts.SyntaxKind.ExportKeyword)],
            'components',
            undefined,
            undefined,
            members,
          ),
        ];
        const printed = printTypes(nodes);
        if (printed === undefined) return;
        answered++;
        expect(printed).toBe(await viaPrettier(nodes));
      }),
      { numRuns: 400 },
    );
    // unsure only where a negative literal is an array's element
    expect(answered).toBeGreaterThan(300);
  });
});
