// openapi-typescript narrows a discriminator's property in the schemas it selects; the
// validators keep each schema's own type, so the type-equality file lists those components (with
// the reason) instead of failing `tsc` on them (GitHub's public-user, Jira's default values).
import { describe, expect, it } from 'vitest';
import { addDiscriminatorGaps } from '../../scripts/stages/validators/discriminator-gaps.ts';
import type { TypeGaps } from '../../scripts/stages/validators/modules/component-module.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const spec = {
  paths: {
    '/user': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: {
                  oneOf: [ref('PrivateUser'), ref('PublicUser')],
                  discriminator: { propertyName: 'user_view_type' },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      PrivateUser: { type: 'object', properties: { user_view_type: { type: 'string' } } },
      PublicUser: { type: 'object', properties: { user_view_type: { type: 'string' } } },
      Pet: {
        type: 'object',
        properties: { kind: { type: 'string' } },
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
      },
      Cat: { type: 'object', properties: { kind: { type: 'string' } } },
      Dog: { allOf: [ref('Pet'), { type: 'object', properties: { bark: { type: 'boolean' } } }] },
      Plain: { type: 'object', properties: { kind: { type: 'string' } } },
    },
  },
};

describe('components a discriminator narrows', () => {
  it('are listed: inline oneOf members, mapping targets, allOf children and the parent', () => {
    const gaps: TypeGaps = new Map();
    addDiscriminatorGaps(spec, gaps);
    expect([...gaps.keys()].sort()).toEqual(['Cat', 'Dog', 'Pet', 'PrivateUser', 'PublicUser']);
    expect(gaps.get('PublicUser')![0]).toMatch(/narrows `user_view_type` to the mapping value/);
  });
});
