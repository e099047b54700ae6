/**
 * The generator stages, in the order they are listed; `requires` may reorder them. To add a
 * generator, write a Stage (scripts/pipeline/stage.ts) in its own folder here, with its name and
 * folders in a `meta.ts`, and list it below.
 *
 * The list holds each stage's metadata and loads its implementation on its first `run`: a run
 * that reuses a stage from the cache, or runs one stage (`--only`), does not pay for loading the
 * others (openapi-typescript with TypeScript, Ajv, Zod, marked...: about 1.5 s of start-up).
 */
import type { Stage, StageMeta } from '../pipeline/stage.ts';
import { loadableInWorker } from '../pipeline/stage-source.ts';
import { bundleMeta } from './bundle/meta.ts';
import { clientTypesMeta } from './client-types/meta.ts';
import { docsMeta } from './docs/meta.ts';
import { mockMeta } from './mock/meta.ts';
import type { ThirdPartyMode } from './third-party.ts';
import { validatorsMeta, validatorsVariant } from './validators/meta.ts';

/** A stage that imports its implementation when it first runs; its metadata must match it. */
export function lazyStage(meta: StageMeta, load: () => Promise<Stage>): Stage {
  let loaded: Promise<Stage> | undefined;
  return {
    ...meta,
    async run(ctx) {
      const stage = await (loaded ??= load());
      return stage.run(ctx);
    },
  };
}

/** The five stages, each loaded on first run; `mode` for a spec this repository does not own. */
function stageList(mode?: ThirdPartyMode): Stage[] {
  return [
    lazyStage(bundleMeta, async () => (await import('./bundle/index.ts')).bundleStage),
    lazyStage(clientTypesMeta, async () =>
      (await import('./client-types/index.ts')).createClientTypesStage(mode),
    ),
    lazyStage({ ...validatorsMeta, ...validatorsVariant(mode) }, async () =>
      (await import('./validators/index.ts')).createValidatorsStage(mode),
    ),
    lazyStage(mockMeta, async () => (await import('./mock/index.ts')).createMockStage(mode)),
    lazyStage(docsMeta, async () => (await import('./docs/index.ts')).docsStage),
  ];
}

export const stages: readonly Stage[] = loadableInWorker(stageList(), {
  module: import.meta.url,
  export: 'stages',
});

/**
 * The same stages in third-party mode (third-party.ts), for specs this repository does not own:
 * what a stage cannot generate is skipped and reported through `mode.warn`.
 */
export function thirdPartyStages(mode: ThirdPartyMode): readonly Stage[] {
  return loadableInWorker(stageList(mode), {
    module: import.meta.url,
    export: 'thirdPartyStages',
    mode,
  });
}
