/**
 * `pnpm bench` without the Stripe fixture (a clone without ../shared) must say the Stripe section
 * was skipped, not leave it out silently with its targets (bench/pipeline.ts).
 */
import { describe, expect, it } from 'vitest';

describe('pnpm bench without the large spec', () => {
  it('prints that the Stripe section was skipped', async () => {
    process.env.BENCH_LARGE_SPEC = 'test/fixtures/no-such-spec.yaml';
    const { runPipelineBench } = await import('../../bench/pipeline.ts');
    const printed: string[] = [];
    const { targets } = await runPipelineBench(['stripe'], (s) => printed.push(s.title));
    expect(printed.at(-1)).toMatch(
      /^Pipeline: Stripe skipped \(.*no-such-spec\.yaml not found; its targets are not measured\)$/,
    );
    expect(targets).toEqual([]);
  });
});
