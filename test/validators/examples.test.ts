/**
 * Every example in the spec is accepted by Ajv and by the generated Zod schema it belongs to:
 * schema `examples` (at component roots and nested properties), media-type `example`/`examples`
 * (including `#/components/examples` references) and parameter examples.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { resolvePointer } from '../../scripts/pipeline/json-pointer.ts';
import { Oracle, relaxUnknownKeys } from './support/oracle.ts';
import { allTargets, spec, type LoadedTarget } from './support/targets.ts';

const oracles = { exact: new Oracle(spec), tolerant: new Oracle(relaxUnknownKeys(spec)) };

interface Example {
  where: string;
  value: unknown;
  zod: z.ZodType;
  ajv: (value: unknown) => boolean;
}

function mediaExamples(media: Record<string, unknown>): unknown[] {
  const named = Object.values(
    (media.examples ?? {}) as Record<string, Record<string, unknown>>,
  ).map((e) =>
    typeof e.$ref === 'string'
      ? (resolvePointer(spec, e.$ref) as Record<string, unknown>).value
      : e.value,
  );
  return 'example' in media ? [media.example, ...named] : named;
}

/** The Zod schema of a nested property, through objects, optionals, nullables, intersections. */
function zodAt(schema: z.ZodType, path: string[]): z.ZodType {
  let current: z.ZodType = schema;
  for (const key of path) {
    // Objects are `z.intersection(<checks on the input>, z.object(shape))`.
    while (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodIntersection
    )
      current = (
        current instanceof z.ZodIntersection ? current.def.right : current.unwrap()
      ) as z.ZodType;
    if (!(current instanceof z.ZodObject)) throw new Error(`cannot walk into ${key}`);
    current = current.shape[key] as z.ZodType;
  }
  return current;
}

/** `examples` on the target's schema and on nested `properties` of it (not through `$ref`). */
function schemaExamples(
  target: LoadedTarget,
  pointer: string,
  node: unknown,
  path: string[] = [],
): Example[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own = Array.isArray(n.examples)
    ? n.examples.map((value) => ({
        where: pointer,
        value,
        zod: zodAt(target.zod, path),
        ajv: oracles[target.mode].pointer(pointer),
      }))
    : [];
  const nested = Object.entries((n.properties ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
    schemaExamples(
      target,
      `${pointer}/properties/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`,
      v,
      [...path, k],
    ),
  );
  return [...own, ...nested];
}

function examplesOf(target: LoadedTarget): Example[] {
  const source = target.source;
  if (!('pointer' in source)) {
    return source.params.flatMap((p) => {
      const param = resolvePointer(spec, p.pointer.replace(/\/schema$/, '')) as Record<
        string,
        unknown
      >;
      const shape = (target.zod as z.ZodObject).shape[p.name] as z.ZodType;
      return mediaExamples(param).map((value) => ({
        where: p.pointer,
        value,
        zod: shape,
        ajv: oracles[target.mode].pointer(p.pointer),
      }));
    });
  }
  const list = schemaExamples(target, source.pointer, source.schema);
  if (!source.pointer.startsWith('#/components/schemas/')) {
    const media = resolvePointer(spec, source.pointer.replace(/\/schema$/, '')) as Record<
      string,
      unknown
    >;
    const ajv = oracles[target.mode].validator(source);
    list.push(
      ...mediaExamples(media).map((value) => ({
        where: source.pointer,
        value,
        zod: target.zod,
        ajv,
      })),
    );
  }
  return list;
}

const examples = allTargets().flatMap(examplesOf);

describe('spec examples', () => {
  it('finds the examples (the spec has dozens)', () => {
    expect(examples.length).toBeGreaterThan(50);
  });
  it.each(examples.map((e) => [e.where, e] as const))('%s', (_where, example) => {
    expect(example.ajv(example.value)).toBe(true);
    expect(example.zod.safeParse(example.value).error).toBeUndefined();
  });
});
