/**
 * Any spec, not just ours: a public spec (Redocly's Museum API) through `pnpm generate --spec`:
 * every stage into one self-contained folder that type-checks with `tsc -p`, docs included.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { generateNodeFlags } from '../../bench/generate-flags.ts';
import { generateFromSpec, type SpecModeResult } from '../../scripts/spec-mode/index.ts';
import { typeCheckOut } from '../../scripts/spec-mode/typecheck.ts';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { repoRoot } from '../support/spec.ts';

const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
const work = path.join(repoRoot, '.tmp/real-world-museum');
const out = path.join(work, 'out');
let result: SpecModeResult;

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  result = await generateFromSpec({ spec: museum, out });
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the Museum API through pnpm generate --spec', () => {
  it('writes every stage, a strict tsconfig and the runtime modules; tsc -p passes', () => {
    for (const file of [
      'generated/openapi.json',
      'packages/client/src/generated/openapi.ts',
      'packages/validators/src/generated/operations.ts',
      'packages/mock/src/generated/routes.ts',
      'packages/mock/src/ajv-runtime.ts',
      'packages/validators/src/runtime/checks.ts',
      'tsconfig.json',
    ])
      expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    const tsconfig = JSON.parse(fs.readFileSync(path.join(out, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.strict).toBe(true);
    expect(typeCheckOut(out).errors).toEqual([]);
    const site = fs.readdirSync(path.join(out, 'packages/docs/site'));
    expect(site).toEqual(
      expect.arrayContaining(['events.html', 'operations.html', 'tickets.html']),
    );
  });

  it('the type-check covers the mock: a broken mock module fails it', () => {
    const copy = path.join(work, 'broken');
    fs.cpSync(out, copy, { recursive: true });
    fs.appendFileSync(
      path.join(copy, 'packages/mock/src/generated/routes.ts'),
      'export const broken: number = "not a number";\n',
    );
    expect(typeCheckOut(copy).errors).toEqual([
      expect.stringMatching(/^packages\/mock\/src\/generated\/routes\.ts\(\d+,\d+\): error TS2322/),
    ]);
  });

  it('reports what it could not generate: HTTP basic auth, in the client and the mock', () => {
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^client-types: security scheme "MuseumPlaceholderAuth" is not supported/,
      ),
      expect.stringMatching(/^mock: security MuseumPlaceholderAuth: http basic is not supported/),
    ]);
  });

  it('the validators accept the spec’s own example and reject a broken one', async () => {
    const spec = parse(fs.readFileSync(museum, 'utf8'));
    const example = spec.components.examples.GetMuseumHoursResponseExample.value;
    const table = path.join(out, 'packages/validators/src/generated/operations.ts');
    const { operationValidators } = (await import(pathToFileURL(table).href)) as {
      operationValidators: Record<string, { responses: Record<string, z.ZodType> }>;
    };
    const hours = operationValidators.getMuseumHours!.responses['200']!;
    expect(hours.safeParse(example).success).toBe(true);
    expect(hours.safeParse([{ ...example[0], date: 'not a date' }]).success).toBe(false);
  });
});

describe('pnpm generate --spec writes nothing unless the whole run succeeds', () => {
  it('a spec with a dangling $ref exits 1 with a located line and leaves --out absent', () => {
    const spec = path.join(work, 'dangling.yaml');
    fs.writeFileSync(
      spec,
      `openapi: 3.1.0\ninfo: { title: x, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: "#/components/schemas/Missing" }\n`,
    );
    const target = path.join(work, 'dangling-out');
    const run = spawnSync(
      process.execPath,
      [...generateNodeFlags(), 'scripts/generate.ts', '--spec', spec, '--out', target],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /dangling\.yaml:11:31 no-unresolved-refs \$ref '#\/components\/schemas\/Missing' points at nothing/,
    );
    expect(run.stderr).toMatch(/nothing was written/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses to replace a folder it did not write', async () => {
    const foreign = path.join(work, 'foreign');
    fs.mkdirSync(foreign, { recursive: true });
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    await expect(generateFromSpec({ spec: museum, out: foreign })).rejects.toThrow(
      /not written by `pnpm generate --spec`/,
    );
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  });
});

describe('a spec without tags', () => {
  it('gets one docs page per resource instead of one page for everything', () => {
    const get = (operationId: string) => ({
      get: { operationId, responses: { '200': { description: 'OK' } } },
    });
    const files = buildSite({
      openapi: '3.0.3',
      info: { title: 'Untagged', version: '1' },
      paths: { '/v1/charges': get('a'), '/v1/charges/{id}': get('b'), '/v1/refunds': get('c') },
    } as never);
    const pages = files.map((f) => path.basename(f.path)).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['charges.html', 'index.html', 'refunds.html', 'schemas.html']);
  });
});
