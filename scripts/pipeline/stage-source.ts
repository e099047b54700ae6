/**
 * Where a worker thread can load a stage again: stage objects (closures) cannot cross a thread,
 * so a stage set registers the module and export it comes from. `export` names either the array
 * of stages or a function `(mode) => stages` (third-party mode); the worker picks the stage by
 * name and forwards the mode's warnings to the main thread. Unregistered stages (tests' inline
 * stages) always run in the main thread.
 */
import type { Stage } from './stage.ts';
import type { ThirdPartyMode } from '../stages/third-party.ts';

export interface StageSource {
  /** URL of the module that exports the stage set. */
  module: string;
  /** The export: `Stage[]`, or `(mode: ThirdPartyMode) => Stage[]` when `mode` is set. */
  export: string;
  /** The third-party mode the set was created with; its `warn` receives the worker's warnings. */
  mode?: ThirdPartyMode;
}

const sources = new WeakMap<Stage, StageSource>();

/** Records where each stage of `stages` comes from, and returns `stages`. */
export function loadableInWorker<T extends readonly Stage[]>(stages: T, source: StageSource): T {
  for (const stage of stages) sources.set(stage, source);
  return stages;
}

export const stageSource = (stage: Stage): StageSource | undefined => sources.get(stage);

/** A stage source as it crosses to a worker: the mode's options, not its `warn` (a closure). */
export interface WorkerSource {
  module: string;
  export: string;
  mini?: boolean;
}

export const toWorkerSource = (source: StageSource): WorkerSource => ({
  module: source.module,
  export: source.export,
  ...(source.mode?.mini ? { mini: true } : {}),
});

/** The third-party mode a worker rebuilds from it, its warnings going to `warn`. */
export const modeInWorker = (source: WorkerSource, warn: (line: string) => void): ThirdPartyMode =>
  source.mini ? { warn, mini: true } : { warn };
