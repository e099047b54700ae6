/**
 * The client's operation table (`operations.ts`) is written in Prettier's layout by its emitter
 * and skips Prettier. Wherever the emitter says `formatted`, Prettier must leave the text as it
 * is; where a row would not fit or holds text it does not model, it must hand the file to Prettier.
 */
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { lintAndBundleSpec } from '../../scripts/spec-mode/gate.ts';
import { locateRoot } from '../../scripts/spec-mode/locate.ts';
import { prepareSpec } from '../../scripts/spec-mode/prepare.ts';
import { emitOperations } from '../../scripts/stages/client-types/emit-operations.ts';
import {
  deriveOperationTable,
  type OperationInfo,
  type OperationTable,
} from '../../scripts/stages/client-types/operation-table.ts';
import { loadBundledSpec, repoRoot, specFixtures } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};
const prettierOf = (text: string) => prettier.format(text, options);

async function expectPrettierLayout(table: OperationTable) {
  const module = emitOperations(table);
  if (module.formatted) expect(module.content).toBe(await prettierOf(module.content));
  return module;
}

describe('the operation table in Prettier’s layout', () => {
  it('is what Prettier prints for Car Owner’s table', async () => {
    const module = await expectPrettierLayout(deriveOperationTable(loadBundledSpec()));
    expect(module.formatted).toBe(true);
  });

  it.each(specFixtures())('is what Prettier prints for %s', async (file) => {
    const { spec } = await lintAndBundleSpec(locateRoot(path.join(repoRoot, file)), repoRoot);
    prepareSpec(spec);
    await expectPrettierLayout(deriveOperationTable(spec, { warn: () => {} }));
  });

  const op = (operationId: string, query: OperationInfo['query'] = {}): OperationInfo => ({
    operationId,
    method: 'get',
    path: '/x',
    security: 'bearer',
    query,
    paginated: false,
    multipart: false,
    json: false,
    conditional: false,
    idempotent: false,
  });

  it('breaks a row that does not fit as Prettier does, and leaves a longer entry to Prettier', async () => {
    const broken = await expectPrettierLayout({
      apiKeyHeader: null,
      operations: { 'GET /x': op('a'.repeat(90)) },
    });
    expect(broken.formatted).toBe(true);
    expect(broken.content).toContain(`  'GET /x': [\n    '${'a'.repeat(90)}',\n    1,\n  ],\n`);
    const table = { apiKeyHeader: null, operations: { 'GET /x': op('a'.repeat(100)) } };
    const module = emitOperations(table);
    expect(module.formatted).toBeUndefined();
    expect(await prettierOf(module.content)).toContain(`    '${'a'.repeat(100)}',\n`);
  });

  it('leaves non-ASCII text and a `__proto__` parameter to Prettier', () => {
    for (const query of [
      { før: { style: 'form', explode: false, array: false } },
      { ['__proto__']: { style: 'form', explode: false, array: false } },
    ]) {
      const operations = { 'GET /x': op('x', JSON.parse(JSON.stringify(query))) };
      expect(emitOperations({ apiKeyHeader: null, operations }).formatted).toBeUndefined();
    }
  });

  it('agrees with Prettier on random tables', async () => {
    const text = fc.oneof(
      fc.constantFrom('a', 'page[size]', "it's", 'say "hi"', 'x-rate', '0', '$top'),
      fc.string({ maxLength: 40 }),
    );
    // long enough to push `key: [` past the print width
    const rowKey = fc.oneof(
      text,
      fc.integer({ min: 80, max: 110 }).map((n) => `GET /${'p'.repeat(n)}`),
    );
    const query = fc.dictionary(
      text,
      fc.record({ style: text, explode: fc.boolean(), array: fc.boolean() }),
      { maxKeys: 3 },
    );
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(rowKey, fc.tuple(text, query), { minKeys: 1, maxKeys: 5 }),
        fc.option(fc.string({ maxLength: 30 })),
        async (rows, apiKeyHeader) => {
          const operations = Object.fromEntries(
            Object.entries(rows).map(([key, [id, q]]) => [key, op(id, q)]),
          );
          const module = await expectPrettierLayout({ apiKeyHeader, operations });
          if (module.formatted) answered++;
        },
      ),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(50);
  });
});
