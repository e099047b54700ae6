import { describe, expect, it } from 'vitest';
import { reachedComponents } from '../../scripts/stages/mock/reached-components.ts';
import { COMPONENT_ID } from '../../scripts/stages/mock/schema-prep.ts';
import { standaloneModuleSource } from '../../scripts/stages/mock/standalone.ts';

const ref = (name: string) => ({ $ref: `${COMPONENT_ID}${name}` });
const prepared = new Map<string, unknown>([
  ['Pet', { type: 'object', properties: { owner: ref('Owner'), tags: { items: ref('Tag') } } }],
  ['Owner', { type: 'object', properties: { pets: { type: 'array', items: ref('Pet') } } }],
  ['Tag', { type: 'string' }],
  ['Webhook', { type: 'object', properties: { pet: ref('Pet') } }],
]);

describe('the components a mock module registers with Ajv', () => {
  it('are the ones its request schemas reach, transitively and through cycles, in spec order', () => {
    expect(reachedComponents(prepared, [{ properties: { body: ref('Owner') } }])).toEqual([
      'Pet',
      'Owner',
      'Tag',
    ]);
    expect(reachedComponents(prepared, [{ type: 'integer' }, { $ref: '#/$defs/x' }])).toEqual([]);
  });

  it.each([
    ['a $ref to another document', { $ref: 'https://example.com/pet.json' }],
    ['a $ref to a name that is not a component', ref('Missing')],
    ['a $ref into a component', { $ref: `${COMPONENT_ID}Pet#/properties/owner` }],
    ['an $id a $ref could name', { $id: 'https://example.com/s', type: 'string' }],
    ['an $anchor', { items: { $anchor: 'item' } }],
    ['a $dynamicRef', { $dynamicRef: '#meta' }],
  ])('are all of them when a schema has %s', (_name, root) => {
    expect(reachedComponents(prepared, [root])).toBeUndefined();
  });

  it('leave out a component no request reaches, even one Ajv would refuse', () => {
    const code = standaloneModuleSource({
      coerce: false,
      components: {
        Pet: { type: 'object', properties: { name: { type: 'string' } } },
        // Ajv's strict mode throws on this keyword when the schema is registered
        Unused: { type: 'object', notAKeyword: true },
      },
      schemas: new Map([['json0', ref('Pet')]]),
    });
    expect(code).toContain('export const json0');
    expect(() =>
      standaloneModuleSource({
        coerce: false,
        components: { Pet: { type: 'object', notAKeyword: true } },
        schemas: new Map([['json0', ref('Pet')]]),
      }),
    ).toThrow(/notAKeyword/);
  });
});
