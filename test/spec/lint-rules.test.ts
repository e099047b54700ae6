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

  it('house/no-secrets-in-examples names the property and never prints the value', async () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTkxNyJ9.${'Qm9vZ2llV29vZ2llMTIzNDU2Nzg5MEFCQ0RFRg'}`;
    const problems = await lintFromString({
      source: spec(
        operation({
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Thing' },
                  example: { id: 1, session: { access_token: jwt } },
                },
              },
            },
            '401': JSON.parse(okError),
          },
        }),
      ),
      absoluteRef: path.join(dir, 'openapi.json'),
      config: config.forAlias(),
    });
    const secret = problems.find((p) => p.ruleId === 'house/no-secrets-in-examples');
    expect(secret?.message).toMatch(/`example` at `session\.access_token` looks like a real JWT/);
    expect(secret?.message).not.toContain(jwt.split('.')[2]);
  });
});

describe('secret shapes (shared by the precheck and the house rule)', () => {
  const live: [string, string, string][] = [
    [
      'JWT',
      'token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTkxNyJ9.Rk2vN8xWpL4mZt9BcHd3Js6Fg1YaUe5KoTi0qQ',
    ],
    ['AWS access key id', 'note', 'AKIAZ7RK2VN8XWPL4MZT'],
    ['AWS secret access key', 'aws_secret_access_key', 'q7Rk2vN8xW/pL4mZt9Bc+Hd3Js6Fg1YaUe5KoTi0'],
    ['GitHub token', 'note', 'ghp_Rk2vN8xWpL4mZt9BcHd3Js6Fg1YaUe5KoTi0qQwE'],
    ['Stripe live key', 'note', 'sk_live_Rk2vN8xWpL4mZt9BcHd3'],
    ['Slack token', 'note', 'xoxb-4938172650-Rk2vN8xWpL4mZt9'],
    ['Google API key', 'note', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
    [
      'private key',
      'pem',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----',
    ],
    ['high-entropy value under `client_secret`', 'client_secret', 'Rk2vN8xWpL4mZt9BcHd3Js6F'],
  ];
  it.each(live)('recognises a %s', async (kind, name, value) => {
    const { secretKind } = await import('../../scripts/lint-rules/secret-patterns.js');
    expect(secretKind(value, name)).toBe(kind);
  });

  const harmless: [string, string][] = [
    ['access_token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl'], // placeholder signature
    ['token', 'ghp_1234567890abcdef1234567890abcdef12345678'], // sequential placeholder
    ['aws_secret_access_key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], // AWS's documented example
    ['node_id', 'MDI0OlB1bGxSZXF1ZXN0UmV2aWV3Q29tbWVudDEw'], // a base64 id, not a key
    ['vppToken', '#/components/schemas/microsoft.graph.vppToken'], // a pointer
    ['password', 'StrongPass123!'], // short
    ['description', 'Send the token in the Authorization header as a bearer credential.'],
  ];
  it.each(harmless)('leaves %s alone', async (name, value) => {
    const { secretKind } = await import('../../scripts/lint-rules/secret-patterns.js');
    expect(secretKind(value, name)).toBeUndefined();
  });
});
