/**
 * The client-types stage on specs written by others (see scripts/stages/third-party.ts): security
 * alternatives, schemes the client cannot apply, and schemas that are open objects.
 */
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import {
  clientTypesStage,
  createClientTypesStage,
} from '../../scripts/stages/client-types/index.ts';
import { deriveOperationTable } from '../../scripts/stages/client-types/operation-table.ts';
import { loadOperations } from './helpers/load-operations.ts';

const doc = (security: unknown, schemas: Record<string, unknown> = {}) =>
  ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/p': { get: { operationId: 'getP', security, responses: { '200': { description: 'OK' } } } },
    },
    components: {
      securitySchemes: {
        basicAuth: { type: 'http', scheme: 'basic' },
        bearerAuth: { type: 'http', scheme: 'bearer' },
      },
      schemas,
    },
  }) as OpenAPIV3_1.Document;

describe('client-types on third-party specs', () => {
  it('ignores an alternative it cannot apply while one it can apply remains', () => {
    const table = deriveOperationTable(doc([{ basicAuth: [] }, { bearerAuth: [] }]));
    expect(table.operations['GET /p']?.security).toBe('bearer');
  });

  it('fails in house mode when no alternative can be applied', () => {
    expect(() => deriveOperationTable(doc([{ basicAuth: [] }]))).toThrow(
      'GET /p: security scheme "basicAuth" is not supported by the client',
    );
  });

  it('third-party mode: such an operation sends no credentials, and a warning says so', async () => {
    const warnings: string[] = [];
    const stage = createClientTypesStage({ warn: (line) => warnings.push(line) });
    const files = await stage.run({
      spec: doc([{ basicAuth: [] }]),
      root: '.',
      outputs: new Map(),
    });
    const emitted = files.find((f) => f.path.endsWith('/operations.ts'))!.content;
    expect((await loadOperations(emitted)).operations['GET /p']?.security).toBe('none');
    expect(warnings).toEqual([
      expect.stringMatching(/^client-types: security scheme "basicAuth" is not supported/),
    ]);
  });

  it('types `type: object` without properties as an open record, as the validators infer', async () => {
    const [types] = await clientTypesStage.run({
      spec: doc([], { Metadata: { type: 'object' } }),
      root: '.',
      outputs: new Map(),
    });
    expect(types?.content).toMatch(/Metadata: Record<string, unknown>;/);
  });
});
