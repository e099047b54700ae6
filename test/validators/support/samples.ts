/**
 * The seeded sample set for one target: 45% meant-valid values, 40% near misses of such values,
 * 15% arbitrary JSON. The same seed gives the same samples.
 */
import fc from 'fast-check';
import type { TargetSource } from '../../../scripts/stages/validators/plan.ts';
import { resolvePointer } from '../../../scripts/pipeline/json-pointer.ts';
import { schemaArbitrary } from './arbitraries.ts';
import { nearMiss } from './near-miss.ts';

function sourceArbitrary(spec: unknown, source: TargetSource): fc.Arbitrary<unknown> {
  if ('pointer' in source) return schemaArbitrary(spec, resolvePointer(spec, source.pointer));
  const model = Object.fromEntries(
    source.params.map((p) => [p.name, schemaArbitrary(spec, p.schema)]),
  );
  return fc.record(model, {
    requiredKeys: source.params.filter((p) => p.required).map((p) => p.name),
  });
}

export function samples(
  spec: unknown,
  source: TargetSource,
  count: number,
  seed: number,
): unknown[] {
  const valid = sourceArbitrary(spec, source);
  const arbitrary = fc.oneof(
    { arbitrary: valid, weight: 45 },
    {
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.nat(), fc.nat())
        .map(([v, a, b, c]) => nearMiss(v, a, b, c)),
      weight: 40,
    },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 15 },
  );
  return fc.sample(arbitrary, { numRuns: count, seed });
}

/** A stable 31-bit seed per target name. */
export function seedFor(name: string, base: number): number {
  let hash = base | 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash & 0x7fffffff;
}
