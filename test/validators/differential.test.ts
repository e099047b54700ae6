/**
 * Differential test: every generated schema against Ajv (2020-12, ajv-formats, strict) on seeded
 * samples (meant-valid, near misses, arbitrary JSON). A disagreement fails unless an allowlisted
 * oracle change explains it (allowlist.ts). Runs: VALIDATORS_FUZZ_RUNS per schema (default 1,000;
 * `pnpm test:fuzz` sets 10,000); seed: VALIDATORS_FUZZ_SEED.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWLIST } from './allowlist.ts';
import { Oracle, relaxUnknownKeys } from './support/oracle.ts';
import { samples, seedFor } from './support/samples.ts';
import { distinctTargets, spec } from './support/targets.ts';

const RUNS = Number(process.env.VALIDATORS_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.VALIDATORS_FUZZ_SEED ?? 20260212);
const relaxed = relaxUnknownKeys(spec);
const oracles = {
  exact: new Oracle(spec),
  tolerant: new Oracle(relaxed),
};
const adjusted = ALLOWLIST.map((entry) => ({
  entry,
  exact: new Oracle(spec, entry.formats),
  tolerant: new Oracle(relaxed, entry.formats),
}));

const totals = { schemas: 0, samples: 0, accepted: 0, allowlisted: {} as Record<string, number> };

describe('generated Zod schemas agree with Ajv', () => {
  for (const target of distinctTargets()) {
    it(`${target.exportName} (${target.mode})`, () => {
      const oracle = oracles[target.mode].validator(target.source);
      const disagreements: { value: unknown; zod: boolean; ajv: boolean }[] = [];
      const values = samples(spec, target.source, RUNS, seedFor(target.exportName, SEED));
      for (const value of values) {
        const parsed = target.zod.safeParse(value);
        const ajv = oracle(value);
        if (parsed.success) {
          totals.accepted++;
          // Accepted values come back unchanged: no key is stripped (not even `__proto__`), nothing coerced.
          expect(parsed.data).toEqual(value);
        }
        if (parsed.success === ajv) continue;
        const explained = adjusted.find(
          (a) => a[target.mode].validator(target.source)(value) === parsed.success,
        );
        if (explained)
          totals.allowlisted[explained.entry.id] =
            (totals.allowlisted[explained.entry.id] ?? 0) + 1;
        else disagreements.push({ value, zod: parsed.success, ajv });
      }
      totals.schemas++;
      totals.samples += values.length;
      expect(disagreements.slice(0, 5)).toEqual([]);
    });
  }
});

afterAll(() => {
  console.log(
    `validators differential: ${totals.schemas} schemas, ${totals.samples} samples, ${totals.accepted} accepted by both; allowlisted ${JSON.stringify(totals.allowlisted)}`,
  );
});
