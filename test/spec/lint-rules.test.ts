// Each house rule in redocly.yaml fires on a spec that breaks it, and stays quiet on one that does not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-rules-'));
// The real redocly.yaml, with the plugin path made absolute so it loads from the temp folder.
const realConfig = fs.readFileSync(path.join(repoRoot, 'redocly.yaml'), 'utf8');
fs.writeFileSync(
  path.join(dir, 'redocly.yaml'),
  realConfig
    .replace('scripts/lint-rules/index.js', path.join(repoRoot, 'scripts/lint-rules/index.js'))
    .replace(/apis:[\s\S]*?\n\n/, ''),
);
const config = await loadConfig({ configPath: path.join(dir, 'redocly.yaml') });

const okError = `{"description":"Unauthorized","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}`;
const spec = (operation: string) => `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1.0.0", "license": { "name": "x", "identifier": "MIT" } },
  "servers": [{ "url": "https://api.minbil.no/api/co" }],
  "tags": [{ "name": "T", "description": "A tag with a long enough description." }],
  "paths": { "/things": { "get": ${operation} } },
  "components": {
    "securitySchemes": { "bearerAuth": { "type": "http", "scheme": "bearer" } },
    "schemas": {
      "Problem": { "type": "object", "properties": { "title": { "type": "string" } } },
      "Thing": { "type": "object", "properties": { "id": { "type": "integer" } } }
    }
  }
}`;
const operation = (fields: Record<string, unknown>) =>
  JSON.stringify({
    tags: ['T'],
    summary: 'List things',
    description: 'Lists things.',
    operationId: 'listThings',
    security: [{ bearerAuth: [] }],
    ...fields,
  });
const success = {
  '200': {
    description: 'OK',
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/Thing' }, example: { id: 1 } },
    },
  },
};
const good = { responses: { ...success, '401': JSON.parse(okError) } };

async function ruleIds(op: string): Promise<string[]> {
  const problems = await lintFromString({
    source: spec(op),
    absoluteRef: path.join(dir, 'openapi.json'),
    config: config.forAlias(),
  });
  return problems.filter((p) => !p.ignored).map((p) => p.ruleId);
}

describe('house lint rules', () => {
  it('accept an operation that follows them all', async () => {
    const ids = await ruleIds(operation(good));
    expect(ids.filter((id) => id.startsWith('house/') || id.startsWith('rule/'))).toEqual([]);
  });

  it('house/auth-documents-401 fires when a bearer operation documents no 401', async () => {
    expect(
      await ruleIds(operation({ responses: { ...success, '404': JSON.parse(okError) } })),
    ).toContain('house/auth-documents-401');
  });

  it('house/error-response-shape fires on an error body that is not a documented error shape', async () => {
    const bad = {
      '401': {
        description: 'Unauthorized',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
      },
    };
    expect(await ruleIds(operation({ responses: { ...success, ...bad } }))).toContain(
      'house/error-response-shape',
    );
  });

  it('house/success-has-example fires on a 2xx JSON response without an example', async () => {
    const noExample = {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
      },
    };
    expect(
      await ruleIds(operation({ responses: { ...noExample, '401': JSON.parse(okError) } })),
    ).toContain('house/success-has-example');
  });

  it('rule/operation-id-camel-case fires on a snake_case operationId', async () => {
    expect(await ruleIds(operation({ ...good, operationId: 'list_things' }))).toContain(
      'rule/operation-id-camel-case',
    );
  });

  it('rule/summary-not-placeholder fires on the old generator placeholder', async () => {
    expect(await ruleIds(operation({ ...good, summary: 'Endpoint operation.' }))).toContain(
      'rule/summary-not-placeholder',
    );
  });
});

describe('house tag rule', () => {
  it('rule/tag-has-description fires on a tag without a real description', async () => {
    const problems = await lintFromString({
      source: spec(operation(good)).replace('A tag with a long enough description.', 'Tag'),
      absoluteRef: path.join(dir, 'openapi.json'),
      config: config.forAlias(),
    });
    expect(problems.map((p) => p.ruleId)).toContain('rule/tag-has-description');
  });
});

describe('house text rules', () => {
  it('house/no-active-content fires on a script tag in a description', async () => {
    expect(
      await ruleIds(operation({ ...good, description: 'Lists <script>alert(1)</script> things.' })),
    ).toContain('house/no-active-content');
  });

  it('house/no-secrets-in-examples fires on a live-looking key and not on a test key', async () => {
    const withToken = (token: string) => ({
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Thing' },
              example: { id: 1, token },
            },
          },
        },
        '401': JSON.parse(okError),
      },
    });
    expect(await ruleIds(operation(withToken('sk_live_51HxQ2eAbCdEfGhIjKlMnOpQr')))).toContain(
      'house/no-secrets-in-examples',
    );
    expect(await ruleIds(operation(withToken('sk_test_example')))).not.toContain(
      'house/no-secrets-in-examples',
    );
  });
});
