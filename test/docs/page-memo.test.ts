/**
 * Under `--watch` the docs stage keeps each namespace page and renders one again only when its
 * key changes (scripts/stages/docs/page-memo.ts). After each kind of edit a save brings, every
 * file must be exactly what a build that keeps nothing writes.
 */
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { realSpec } from './support/spec.ts';
import { byPath, expectKeptEqualsFresh } from '../support/kept-output.ts';

type Obj = Record<string, any>;
const spec = realSpec() as Obj;

const keeping = () => buildSite(spec as never, undefined, { keep: true });
const expectSameAsFresh = (edit: () => void) =>
  expectKeptEqualsFresh(edit, keeping, () => buildSite(spec as never));

describe('namespace pages kept between --watch builds', () => {
  it('equal a fresh build after each kind of edit', () => {
    const first = expectSameAsFresh(() => {});
    const schemas = spec.components.schemas as Obj;
    const attachment = schemas.Attachment;
    const firstPath = Object.keys(spec.paths)[0]!;
    const op = Object.values(spec.paths[firstPath] as Obj).find((o) => o?.operationId) as Obj;
    const undo: (() => void)[] = [];
    const set = (obj: Obj, key: string, value: unknown) => {
      const had = Object.hasOwn(obj, key);
      const old = obj[key];
      obj[key] = value;
      undo.unshift(() => (had ? (obj[key] = old) : delete obj[key]));
    };
    // a property description of a schema some pages reach, then a constraint
    expectSameAsFresh(() => set(attachment.properties.name, 'description', 'Edited by the test.'));
    expectSameAsFresh(() => set(attachment.properties.size, 'maximum', 5));
    // a shared example, a server, a security scheme, a tag's description
    const example = Object.values(spec.components.examples as Obj)[0] as Obj;
    expectSameAsFresh(() => set(example, 'summary', 'An edited example.'));
    expectSameAsFresh(() => set(spec.servers[0], 'url', 'https://api.example.test/v9'));
    const scheme = Object.values(spec.components.securitySchemes as Obj)[0] as Obj;
    expectSameAsFresh(() => set(scheme, 'description', 'Edited scheme.'));
    expectSameAsFresh(() => set(spec.tags[0], 'description', 'An edited namespace description.'));
    // an operation's summary (other pages link to it) and its description
    expectSameAsFresh(() => set(op, 'summary', 'An edited summary'));
    expectSameAsFresh(() => set(op, 'description', 'An edited description.'));
    // a new schema that a response comes to use
    expectSameAsFresh(() => {
      set(schemas, 'Extra', {
        type: 'object',
        properties: { n: { type: 'integer', description: 'N.' } },
      });
      const response = Object.values(op.responses as Obj)[0] as Obj;
      set(response, 'description', 'Now with Extra: see #/components/schemas/Extra.');
    });
    expectSameAsFresh(() => undo.forEach((f) => f()));
    expect(byPath(keeping())).toEqual(first);
  });
});
