/**
 * Odd but valid inputs, one construct per fixture (test/fixtures/features/), through every stage
 * of `pnpm generate --spec` and `tsc -p` on the output: no stage throws, the output type-checks,
 * and each construct got its documented treatment (a located warning, a derived name, a route).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { generateFromSpec, type SpecModeResult } from '../../scripts/spec-mode/index.ts';
import { typeCheckOut } from '../../scripts/spec-mode/typecheck.ts';
import { repoRoot } from '../support/spec.ts';

const features = path.join(repoRoot, 'test/fixtures/features');
const work = path.join(repoRoot, '.tmp/spec-mode-features');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const fixtures = fs
  .readdirSync(features)
  .filter((n) => n.endsWith('.yaml') && n !== 'swagger-2.yaml')
  .concat('split');

async function generate(name: string): Promise<SpecModeResult> {
  return generateFromSpec({ spec: path.join(features, name), out: path.join(work, name) });
}

const read = (result: SpecModeResult, file: string) =>
  result.files.find((f) => f.path.endsWith(file))!.content;

describe.each(fixtures)('%s through every stage', (name) => {
  it('generates without an exception and the output type-checks on its own', async () => {
    const result = await generate(name);
    for (const stage of [
      'generated/openapi.json',
      'client/src/generated/openapi.ts',
      'mock/src/generated/routes.ts',
      'docs/site/index.html',
      'validators/src/generated/operations.ts',
    ])
      expect(
        result.files.some((f) => f.path.endsWith(stage)),
        stage,
      ).toBe(true);
    const checked = typeCheckOut(result.out);
    expect(checked.errors).toEqual([]);
  });
});

describe('documented treatments', () => {
  it('boolean schemas: true is unknown and false is never in the client types', async () => {
    const result = await generate('boolean-schemas.yaml');
    const types = read(result, 'client/src/generated/openapi.ts');
    expect(types).toMatch(/Anything: unknown;/);
    expect(types).toMatch(/Nothing: never;/);
    expect(result.warnings.some((w) => w.includes('[boolean-schema]'))).toBe(true);
  });

  it('3.0 nullable in 3.1 becomes a null-able type in the client types', async () => {
    const result = await generate('nullable-in-3-1.yaml');
    const types = read(result, 'client/src/generated/openapi.ts');
    expect(types).toMatch(/name: string \| null;/);
    expect(types).toMatch(/tag: 'a' \| 'b' \| null;/);
    expect(result.warnings.filter((w) => w.includes('[nullable-in-3.1]'))).toHaveLength(3);
  });

  it('3.0: keywords beside $ref are dropped, so types and validators both read the $ref alone', async () => {
    const result = await generate('ref-siblings-3-0.yaml');
    const types = read(result, 'client/src/generated/openapi.ts');
    expect(types).toMatch(/method\?: components\['schemas'\]\['Method'\];/);
    const hook = read(result, 'validators/src/generated/schemas/Hook.ts');
    expect(hook).toMatch(/method: z\.optional\(MethodSchema\)/);
    expect(result.warnings.filter((w) => w.includes('[ref-siblings-3.0]'))).toEqual([
      '#/components/schemas/Hook/properties/method warning [ref-siblings-3.0] OpenAPI 3.0 ignores keywords beside $ref; `nullable`, `type` dropped',
    ]);
  });

  it('a property with a default is optional; const null is null', async () => {
    const types = read(await generate('const-and-default.yaml'), 'client/src/generated/openapi.ts');
    expect(types).toMatch(/type\?: string;/);
    expect(types).toMatch(/nothing\?: null;/);
  });

  it('missing operationIds are derived from method and path, repeats get a suffix', async () => {
    const result = await generate('missing-operation-ids.yaml');
    const routes = read(result, 'mock/src/generated/routes.ts');
    expect(routes).toContain('getUsersByUserIdPets');
    expect(routes).toContain('createPet2');
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^#\/paths\/~1users~1\{userId\}~1pets\/get warning \[operation-id\]/),
    );
  });

  it('a 302-only operation gets a mock route answering 302', async () => {
    const result = await generate('redirect-and-default.yaml');
    const routes = read(result, 'mock/src/generated/routes.ts');
    expect(routes).toMatch(/operationId: 'downloadTarball'[\s\S]*?success: 302/);
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/no 2xx response; the mock answers its documented 302/),
    );
  });

  it('an uncompilable pattern is dropped with a warning; an undefined scheme is dropped', async () => {
    const result = await generate('loose-schemas.yaml');
    expect(result.warnings).toContainEqual(
      expect.stringMatching(
        /^#\/components\/schemas\/Thing\/properties\/name\/pattern warning \[pattern\]/,
      ),
    );
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/"undefinedScheme" is not defined/),
    );
  });

  it('identical paths are kept, an undeclared path parameter is declared', async () => {
    const result = await generate('identical-paths.yaml');
    const routes = read(result, 'mock/src/generated/routes.ts');
    expect(routes).toContain('getAttestation');
    expect(routes).toContain('listAttestations');
    expect(result.warnings).toContainEqual(expect.stringMatching(/\[identical-paths\]/));
    expect(result.warnings).toContainEqual(expect.stringMatching(/\{id\} is not declared/));
  });

  it('Swagger 2.0 is refused with one line saying how to convert it, and nothing is written', async () => {
    const out = path.join(work, 'swagger');
    const error = await generateFromSpec({
      spec: path.join(features, 'swagger-2.yaml'),
      out,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).lines).toEqual([
      expect.stringMatching(
        /:1:1 openapi-version .*Swagger 2\.0 is not supported — convert it .*swagger2openapi/,
      ),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('--check finds a changed output file, and a clean run finds none', async () => {
    const first = await generate('split');
    expect(
      (await generateFromSpec({ spec: path.join(features, 'split'), out: first.out, check: true }))
        .stale,
    ).toEqual([]);
    fs.appendFileSync(
      path.join(first.out, 'packages/client/src/generated/openapi.ts'),
      '// edited\n',
    );
    const stale = (
      await generateFromSpec({ spec: path.join(features, 'split'), out: first.out, check: true })
    ).stale;
    expect(stale).toEqual([path.join(first.out, 'packages/client/src/generated/openapi.ts')]);
  });
});
