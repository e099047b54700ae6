// The pass cases of the malformed corpus (hostile strings, recursion, nullable type arrays, a
// discriminated oneOf) go through every stage, and importing what they generate runs nothing
// from the spec: the hostile strings try to set globalThis.__minbilHostile.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import type { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';

const corpus = path.join(repoRoot, 'test/fixtures/malformed');
// inside the repository, so the generated modules resolve zod and the hand-written runtime
const work = path.join(repoRoot, '.tmp/pass-cases');
// the hand-written modules the generated code imports
const RUNTIME = [
  'packages/validators/src/runtime',
  'packages/validators/src/operation-types.ts',
  'packages/mock/src/route-spec.ts',
  'packages/mock/src/ajv-runtime.ts',
];
const PASS = [
  'pass-hostile-strings',
  'recursive-schema',
  'pass-nullable-type-arrays',
  'pass-discriminated-oneof',
];

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it.each(PASS)(
  '%s generates through every stage and is inert when imported',
  async (name) => {
    const repo = path.join(work, name);
    fs.rmSync(repo, { recursive: true, force: true });
    for (const entry of [
      'redocly.yaml',
      'scripts/lint-rules',
      'package.json',
      '.prettierrc.json',
      ...RUNTIME,
    ])
      if (fs.existsSync(path.join(repoRoot, entry)))
        fs.cpSync(path.join(repoRoot, entry), path.join(repo, entry), { recursive: true });
    fs.cpSync(path.join(corpus, name), path.join(repo, 'openapi'), { recursive: true });
    const { files } = await runPipeline({ root: repo, stages, cache: false, log: () => {} });
    const dirs = [
      'generated',
      'packages/client/src/generated',
      'packages/mock/src/generated',
      'packages/docs/site',
      'packages/validators/src/generated',
    ];
    for (const dir of dirs)
      expect(
        files.some((f) => f.path.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);

    const modules = files
      .map((f) => f.path)
      .filter((p) => p.endsWith('.ts') && !p.endsWith('.test-d.ts'));
    delete (globalThis as Record<string, unknown>).__minbilHostile;
    for (const module of modules) await import(pathToFileURL(path.join(repo, module)).href);
    expect((globalThis as Record<string, unknown>).__minbilHostile).toBeUndefined();
    expect(modules.length).toBeGreaterThan(3);
  },
  300_000,
);

it('a stage that cannot express a construct says so in one located line', async () => {
  // the recursive case's repository from above, with a keyword the Zod emitter does not support
  const repo = path.join(work, 'recursive-schema');
  const root = path.join(repo, 'openapi/openapi.yaml');
  fs.writeFileSync(
    root,
    fs
      .readFileSync(root, 'utf8')
      .replace(
        '      description: A thing and the things it is made of.\n',
        '      description: A thing and the things it is made of.\n      $dynamicAnchor: node\n',
      ),
  );
  const error = await runPipeline({
    root: repo,
    stages,
    cache: false,
    only: ['validators'],
    log: () => {},
  }).then(
    () => undefined,
    (e: unknown) => e as SpecError,
  );
  expect(error?.lines).toEqual([
    'openapi/openapi.yaml:52:7 validators `$dynamicAnchor` at #/components/schemas/Thing: keyword not supported by the Zod emitter (at #/components/schemas/Thing) — this construct is not supported by the validators stage yet; rewrite it or leave the stage out for this API',
  ]);
}, 300_000);
