/**
 * The corpus slice (test/fixtures/corpus/, SOURCES.md): real third-party specs through
 * `pnpm generate --spec` and `tsc -p` on the output, as `pnpm corpus --slice` runs them. The full
 * corpus is a benchmark (scripts/corpus/README.md), not a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sliceSpecs } from '../../scripts/corpus/slice.ts';
import { generateFromSpec } from '../../scripts/spec-mode/index.ts';
import { typeCheckOut } from '../../scripts/spec-mode/typecheck.ts';
import { repoRoot } from '../support/spec.ts';

const work = path.join(repoRoot, '.tmp/corpus-slice');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const slice = sliceSpecs();

it('the slice holds 3.0 and 3.1 specs', () => {
  expect(slice.length).toBeGreaterThanOrEqual(5);
  expect(new Set(slice.map((s) => s.openapi.slice(0, 3)))).toEqual(new Set(['3.0', '3.1']));
});

describe.each(slice.map((s) => [s.id, s] as const))('%s', (_id, spec) => {
  it('generates every stage and the output type-checks', async () => {
    // with the Zod Mini build (`--mini`), so its modules are type-checked on real specs too
    const out = path.join(work, spec.id);
    const result = await generateFromSpec({ spec: spec.file, out, mini: true });
    const operations = Object.values(
      (JSON.parse(fs.readFileSync(spec.file, 'utf8')) as { paths: object }).paths,
    ).flatMap((item) =>
      Object.keys(item as object).filter((k) =>
        /^(get|put|post|delete|patch|head|options|trace)$/.test(k),
      ),
    );
    const routes = result.files.find((f) => f.path.endsWith('mock/src/generated/routes.ts'))!;
    // every documented operation has a mock route
    expect(routes.content.match(/^\s+operationId: /gm)?.length).toBe(operations.length);
    expect(typeCheckOut(result.out).errors).toEqual([]);
  });
});
