/**
 * The generator stages, in the order they are listed; `requires` may reorder them. To add a
 * generator, write a Stage (scripts/pipeline/stage.ts) in its own folder here and list it below.
 */
import type { Stage } from '../pipeline/stage.ts';
import { loadableInWorker } from '../pipeline/stage-source.ts';
import { bundleStage } from './bundle/index.ts';
import { clientTypesStage, createClientTypesStage } from './client-types/index.ts';
import { docsStage } from './docs/index.ts';
import { createMockStage, mockStage } from './mock/index.ts';
import type { ThirdPartyMode } from './third-party.ts';
import { createValidatorsStage, validatorsStage } from './validators/index.ts';

export const stages: readonly Stage[] = loadableInWorker(
  [bundleStage, clientTypesStage, validatorsStage, mockStage, docsStage],
  { module: import.meta.url, export: 'stages' },
);

/**
 * The same stages in third-party mode (third-party.ts), for specs this repository does not own:
 * what a stage cannot generate is skipped and reported through `mode.warn`.
 */
export function thirdPartyStages(mode: ThirdPartyMode): readonly Stage[] {
  const set = [
    bundleStage,
    createClientTypesStage(mode),
    createValidatorsStage(mode),
    createMockStage(mode),
    docsStage,
  ];
  return loadableInWorker(set, { module: import.meta.url, export: 'thirdPartyStages', mode });
}
