/** The `mock` stage's files: a pure function from spec to files, safe against hostile spec text. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mockStage } from '../../scripts/stages/mock/index.ts';
import { repoRoot } from '../support/spec.ts';
import { ok, tiny } from './tiny-spec.ts';

describe('generated files', () => {
  const hostile = '*/ require("fs") </script> ${process.exit()}';
  const prose = 'PROSE-MARKER */ alert(1)';
  const spec = tiny({
    '/a/{id}': {
      post: {
        operationId: 'a',
        description: prose,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['kind'],
                properties: { kind: { enum: ['x', hostile], description: prose } },
              },
            },
          },
        },
        responses: { 200: ok({ note: hostile }) },
      },
    },
  });

  it('writes only its owned folder, with no runtime compilation and no unescaped spec text', async () => {
    const files = await mockStage.run({ spec, root: repoRoot, outputs: new Map() });
    expect(files.map((f) => f.path).sort()).toEqual(
      ['coercing-validators.ts', 'routes.ts', 'strict-validators.ts', 'validators.ts'].map(
        (f) => `packages/mock/src/generated/${f}`,
      ),
    );
    for (const file of files) {
      expect(file.path.startsWith(mockStage.owns[0]!)).toBe(true);
      // Parsed, not grepped: a printer may quote a string with single quotes. What matters is
      // that spec text is only ever string data.
      const code = codeOf(file.content);
      expect(code.calls).not.toContain('require');
      expect(code.calls).not.toContain('eval');
      expect(code.constructed).not.toContain('Function');
      expect(code.identifiers).not.toContain('process');
      // the body schema's enum holds the hostile value: it is checked as data
      if (file.path.endsWith('strict-validators.ts')) expect(code.strings).toContain(hostile);
    }
    // the route table is printed in Prettier's layout (single quotes): the value is a string in it
    const routes = files.find((f) => f.path.endsWith('routes.ts'))!.content;
    expect(codeOf(routes).strings).toContain(hostile);
    for (const file of files) expect(file.content).not.toContain('PROSE-MARKER'); // annotations are dropped
  });

  it('emits validators that run without compiling and report the field', async () => {
    const files = await mockStage.run({ spec, root: repoRoot, outputs: new Map() });
    const strict = files.find((f) => f.path.endsWith('strict-validators.ts'))!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-stage-'));
    const runtime = pathToFileURL(path.join(repoRoot, 'packages/mock/src/ajv-runtime.ts')).href;
    const file = path.join(dir, 'strict.ts');
    fs.writeFileSync(file, strict.content.replace("'../ajv-runtime.ts'", JSON.stringify(runtime)));
    const mod = (await import(pathToFileURL(file).href)) as Record<string, (d: unknown) => boolean>;
    const validate = Object.values(mod)[0] as ((d: unknown) => boolean) & {
      errors?: { instancePath: string; keyword: string }[];
    };
    expect(validate({ kind: hostile })).toBe(true);
    expect(validate({ kind: 'y' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/kind', keyword: 'enum' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** What a module calls, constructs and names, and its string literals, from TypeScript's parser. */
function codeOf(source: string) {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.Latest, true);
  const out = {
    calls: [] as string[],
    constructed: [] as string[],
    identifiers: [] as string[],
    strings: [] as string[],
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression))
      out.calls.push(node.expression.text);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression))
      out.constructed.push(node.expression.text);
    if (ts.isIdentifier(node)) out.identifiers.push(node.text);
    if (ts.isStringLiteralLike(node)) out.strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
