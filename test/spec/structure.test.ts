// The spec describes the API the reference document describes: its operations, paths and tags.
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '../support/spec.ts';

const spec = loadBundledSpec();
const operations = listOperations(spec);

describe('bundled spec structure', () => {
  it('has the documented 85 operations (77 GET/POST/PUT/DELETE and 8 OPTIONS) on 67 paths', () => {
    expect(operations).toHaveLength(85);
    expect(operations.filter((o) => o.method === 'options')).toHaveLength(8);
    expect(Object.keys(spec.paths ?? {})).toHaveLength(67);
  });

  it('keeps documented paths exactly, /favorits included, relative to the /api/co servers', () => {
    expect(Object.keys(spec.paths ?? {})).toContain('/favorits');
    expect(spec.servers?.map((s) => s.url)).toEqual([
      'https://api.minbil.no/api/co',
      'http://localhost:5000/api/co',
    ]);
    for (const p of Object.keys(spec.paths ?? {})) expect(p.startsWith('/api/co')).toBe(false);
  });

  it('has the 20 tags, each described, and every operation under exactly one of them', () => {
    const tags = spec.tags ?? [];
    expect(tags).toHaveLength(20);
    for (const tag of tags) expect(tag.description?.length ?? 0).toBeGreaterThan(20);
    const names = new Set(tags.map((t) => t.name));
    for (const { operation, method, path } of operations) {
      expect(operation.tags, `${method} ${path}`).toHaveLength(1);
      expect(names.has(operation.tags![0]!), `${method} ${path}`).toBe(true);
    }
  });

  it('gives every operation a unique camelCase operationId and a real summary', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(85);
    for (const { operation } of operations) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(operation.summary).toBeTruthy();
      expect(operation.summary).not.toMatch(/^Endpoint operation\.?$/);
    }
  });

  it('declares bearer and x-api-key security and uses one of bearer, api key, none or optional bearer', () => {
    expect(spec.components?.securitySchemes).toMatchObject({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      refreshTokenAuth: { type: 'http', scheme: 'bearer' },
      apiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
    const kinds = new Set(operations.map(({ operation }) => JSON.stringify(operation.security)));
    expect([...kinds].sort()).toEqual([
      '[]',
      '[{"apiKeyAuth":[]}]',
      '[{"bearerAuth":[]}]',
      '[{"refreshTokenAuth":[]}]',
      '[{},{"bearerAuth":[]}]',
    ]);
    // the refresh token is a bearer credential of its own, used by POST /auth/refresh alone
    const refresh = operations.filter(({ operation }) =>
      JSON.stringify(operation.security).includes('refreshTokenAuth'),
    );
    expect(refresh.map((o) => `${o.method} ${o.path}`)).toEqual(['post /auth/refresh']);
  });

  it('names info and versions the spec', () => {
    expect(spec.info.title).toBe('MinBil Car Owner API V1');
    expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
