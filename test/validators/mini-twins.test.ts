/**
 * The validators stage prints each Zod Mini module from its classic twin when only the imports
 * differ (print.ts, printFlavoured): the body is emitted and laid out once. The Mini build must
 * be exactly what emitting it on its own gives, on every spec fixture, recursive schemas (whose
 * bodies name `z.ZodType`, so they are emitted again) included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GeneratedFile } from '../../scripts/pipeline/stage.ts';
import { createValidatorsStage } from '../../scripts/stages/validators/index.ts';
import { miniTwins } from '../../scripts/stages/validators/modules/print.ts';
import { repoRoot, specFixtures } from '../support/spec.ts';

afterEach(() => {
  miniTwins.enabled = true;
});

const read = (file: string) => {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
};

const run = async (spec: unknown, twins: boolean) => {
  miniTwins.enabled = twins;
  const stage = createValidatorsStage({ warn: () => {}, mini: true });
  const files = (await stage.run({
    spec,
    root: repoRoot,
    outputs: new Map(),
  } as never)) as GeneratedFile[];
  return Object.fromEntries(files.map((f) => [f.path, f.content]));
};

const SPECS = ['generated/openapi.json', ...specFixtures()];

describe('the Zod Mini build printed from its classic twins', () => {
  it.each(SPECS)('is the Mini build emitted on its own: %s', async (file) => {
    const spec = read(file);
    let twinned: Record<string, string>;
    try {
      twinned = await run(structuredClone(spec), true);
    } catch {
      return; // a spec the stage refuses is the generation-errors tests' business
    }
    const own = await run(structuredClone(spec), false);
    expect(Object.keys(twinned).some((p) => p.includes('/generated/mini/'))).toBe(true);
    expect(twinned).toEqual(own);
  });
});
