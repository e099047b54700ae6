/**
 * The stage list (scripts/stages/index.ts) holds each stage's metadata and loads the stage on
 * first run: the metadata must be the loaded stage's own, in both sets, or the orchestrator would
 * write and cache under the wrong folders.
 */
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../scripts/pipeline/stage.ts';
import { bundleStage } from '../../scripts/stages/bundle/index.ts';
import { createClientTypesStage } from '../../scripts/stages/client-types/index.ts';
import { docsStage } from '../../scripts/stages/docs/index.ts';
import { stages, thirdPartyStages } from '../../scripts/stages/index.ts';
import { createMockStage } from '../../scripts/stages/mock/index.ts';
import { createValidatorsStage } from '../../scripts/stages/validators/index.ts';
import { loadBundledSpec, repoRoot } from '../support/spec.ts';

const meta = ({ run: _run, ...rest }: Stage) => rest;
const mode = { warn: () => {} };

describe('stage list', () => {
  it.each([
    [
      'house',
      stages,
      [
        bundleStage,
        createClientTypesStage(),
        createValidatorsStage(),
        createMockStage(),
        docsStage,
      ],
    ],
    [
      'third-party',
      thirdPartyStages(mode),
      [
        bundleStage,
        createClientTypesStage(mode),
        createValidatorsStage(mode),
        createMockStage(mode),
        docsStage,
      ],
    ],
  ] as const)('%s: each entry has its stage’s name, folders and inputs', (_set, listed, loaded) => {
    expect(listed.map(meta)).toEqual(loaded.map(meta));
  });

  it('an entry runs the stage it stands for', async () => {
    const spec = loadBundledSpec();
    const bundle = stages.find((s) => s.name === 'bundle')!;
    const ctx = { spec, root: repoRoot, outputs: new Map() };
    expect(await bundle.run(ctx)).toEqual(await bundleStage.run(ctx));
  });
});
