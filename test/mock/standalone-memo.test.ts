/**
 * The mock stage keeps its last Ajv modules under `--watch` (standalone-memo.ts) and reuses them
 * while what Ajv reads is unchanged. A kept module must never be stale: after any edit the stage
 * prints what a fresh process prints.
 */
import { describe, expect, it } from 'vitest';
import { mockStage } from '../../scripts/stages/mock/index.ts';
import { standaloneFile } from '../../scripts/stages/mock/emit.ts';
import { standaloneModuleSource } from '../../scripts/stages/mock/standalone.ts';
import { repoRoot } from '../support/spec.ts';
import { ok, tiny } from './tiny-spec.ts';

const specWith = (description: string, minLength: number, property = 'name') =>
  tiny(
    {
      '/things': {
        post: {
          operationId: 'makeThing',
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string', minLength } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Thing' },
              },
            },
          },
          responses: { 200: ok({}) },
        },
      },
    },
    {
      schemas: {
        Thing: {
          type: 'object',
          description,
          required: [property],
          properties: { [property]: { type: 'string', minLength, description } },
        },
      },
    },
  );

/** The Ajv modules of one run, and what a fresh compile prints for the same spec. */
async function run(spec: ReturnType<typeof tiny>) {
  const files = await mockStage.run({ spec, root: repoRoot, outputs: new Map(), rerun: true });
  return Object.fromEntries(
    files.filter((f) => f.path.endsWith('-validators.ts')).map((f) => [f.path, f.content]),
  );
}

describe('kept Ajv modules under --watch', () => {
  it('are reused only while Ajv would print the same, and never served stale', async () => {
    const first = await run(specWith('first', 1));
    // a description edit: annotations never reach Ajv, so the same modules come back
    expect(await run(specWith('edited', 1))).toEqual(first);
    // edits Ajv reads: a limit, a renamed property; each gives the modules a fresh compile gives
    for (const spec of [specWith('edited', 2), specWith('edited', 2, 'title'), specWith('x', 1)]) {
      const kept = await run(spec);
      const fresh = await mockStageFresh(spec);
      expect(kept).toEqual(fresh);
    }
    expect(await run(specWith('edited', 2))).not.toEqual(first);
  });
});

/** The modules compiled without the memo, from the same inputs the stage builds. */
async function mockStageFresh(spec: ReturnType<typeof tiny>) {
  const { requestSchemas } = await import('../../scripts/stages/mock/request-schemas.ts');
  const { listOperations } = await import('../../scripts/stages/mock/route-table.ts');
  const components = (spec.components?.schemas ?? {}) as Record<string, unknown>;
  const coerced = new Map<string, unknown>();
  const strict = new Map<string, unknown>();
  listOperations(spec).forEach((entry, i) => {
    const schemas = requestSchemas(spec, entry);
    if (schemas.params) coerced.set(`params${i}`, schemas.params);
    if (schemas.multipart) coerced.set(`multipart${i}`, schemas.multipart);
    if (schemas.json) strict.set(`json${i}`, schemas.json);
  });
  const file = (coerce: boolean, schemas: Map<string, unknown>) =>
    standaloneFile(standaloneModuleSource({ coerce, components, schemas }));
  return {
    'packages/mock/src/generated/coercing-validators.ts': file(true, coerced),
    'packages/mock/src/generated/strict-validators.ts': file(false, strict),
  };
}
