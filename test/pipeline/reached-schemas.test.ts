/** reached-schemas.ts: every way a piece of spec can reach a component schema, transitively. */
import { describe, expect, it } from 'vitest';
import { reachedSchemas } from '../../scripts/pipeline/reached-schemas.ts';

const SCHEMAS: Record<string, unknown> = {
  Pet: {
    oneOf: [{ $ref: '#/components/schemas/Cat' }],
    discriminator: { propertyName: 'kind', mapping: { dog: 'Dog' } },
  },
  Cat: { properties: { owner: { $ref: '#/components/schemas/Owner/properties/name' } } },
  Dog: { properties: { friend: { $ref: '#/components/schemas/Pet' } } }, // a cycle back to Pet
  Owner: { properties: { name: { type: 'string' } } },
  'A/B c': { type: 'string' },
  Lonely: { type: 'integer' },
};
const text = (name: string) => (name in SCHEMAS ? JSON.stringify(SCHEMAS[name]) : undefined);
const components = (ref: string) => ref.startsWith('#/components/');
const reached = (node: unknown) => reachedSchemas(JSON.stringify(node), text, components);

describe('reachedSchemas', () => {
  it('follows $refs, refs into a schema, bare mapping names and cycles', () => {
    expect(reached({ schema: { $ref: '#/components/schemas/Pet' } })).toEqual([
      'Cat',
      'Dog',
      'Owner',
      'Pet',
    ]);
  });

  it('counts a string that names a schema, with its pointer escapes decoded', () => {
    expect(reached({ link: '#/components/schemas/A~1B%20c' })).toEqual(['A/B c']);
  });

  it('ignores names no schema has, and reaches nothing from a schema-free node', () => {
    expect(reached({ schema: { $ref: '#/components/schemas/Missing' } })).toEqual([]);
    expect(reached({ type: 'object', description: 'Lonely is a word here' })).toEqual([]);
  });

  it('gives up on a $ref the caller does not accept, even one reached on the way', () => {
    expect(reached({ $ref: '#/paths/~1pets/get' })).toBeUndefined();
    const withOutside = (name: string) =>
      name === 'Owner' ? JSON.stringify({ $ref: 'other.yaml#/Owner' }) : text(name);
    expect(
      reachedSchemas(JSON.stringify({ $ref: '#/components/schemas/Cat' }), withOutside, components),
    ).toBeUndefined();
  });
});
