/**
 * Runs one API's stages. With a pool (stage-pool.ts), the stages that require no other stage and
 * that a worker can load (stage-source.ts) form one batch that this thread and the workers share,
 * longest first (by the previous run's times in the manifest, else each stage's `typicalMs`).
 * In list order, a cold Stripe run put docs last, after the worker had taken client-types and
 * mock, and the batch ended on it alone. The other
 * stages then run here, each after the stages it `requires`. Results come back in the given
 * order, so logs and outputs never depend on timing.
 */
import type { StageRecord } from './cache.ts';
import { asOwnFiles, runStage, type StageInput, type StageRun } from './run-stage.ts';
import type { BatchJob, StagePool } from './stage-pool.ts';
import { stageSource } from './stage-source.ts';
import type { GeneratedFile, Stage } from './stage.ts';

export interface ScheduledRun {
  stage: Stage;
  dir: string;
  run: StageRun;
}

export interface ScheduleInput extends Omit<StageInput, 'stage' | 'dir' | 'required' | 'prior'> {
  /** The stages, each after the stages it requires (orchestrator's `orderStages`). */
  ordered: readonly Stage[];
  dirOf(stage: Stage): string;
  priorOf(stage: Stage): StageRecord | undefined;
  pool?: StagePool;
  /** Runs each stage's work (or a worker batch, named by its stages), e.g. to locate its errors. */
  wrap?: <T>(name: string, work: () => Promise<T>) => Promise<T>;
}

/** Sorts a batch longest first: last run's time, else the stage's typical time (stable). */
export function longestFirst<T extends { stage: Stage }>(
  batch: T[],
  priorOf: (stage: Stage) => StageRecord | undefined,
): T[] {
  const expected = (job: T) => priorOf(job.stage)?.ms ?? job.stage.typicalMs ?? 0;
  return batch.sort((a, b) => expected(b) - expected(a));
}

export async function runStages(input: ScheduleInput): Promise<ScheduledRun[]> {
  const { ordered, dirOf, priorOf, pool, wrap = (_name, work) => work(), ...shared } = input;
  const runs = new Map<Stage, StageRun>();
  const inputOf = (stage: Stage, required: StageInput['required']) => ({
    ...shared,
    dir: dirOf(stage),
    required,
    prior: priorOf(stage),
  });

  const batch: BatchJob[] = [];
  if (pool)
    for (const stage of ordered) {
      const source = stageSource(stage);
      if (source && !stage.requires?.length)
        batch.push({ stage, source, input: inputOf(stage, new Map()) });
    }
  if (batch.length > 1) {
    longestFirst(batch, priorOf);
    const results = await wrap(batch.map((job) => job.stage.name).join('+'), () =>
      pool!.runBatch(batch, (job) => runStage({ ...job.input, stage: job.stage })),
    );
    batch.forEach((job, i) => runs.set(job.stage, results[i]!));
  }

  const own = (stage: Stage): GeneratedFile[] =>
    asOwnFiles(stage, dirOf(stage), runs.get(stage)?.files ?? []);
  const byName = new Map(ordered.map((s) => [s.name, s]));
  for (const stage of ordered) {
    if (runs.has(stage)) continue;
    const required = new Map(
      (stage.requires ?? []).map((name) => {
        const dep = byName.get(name);
        return [name, dep ? own(dep) : []] as const;
      }),
    );
    runs.set(stage, await wrap(stage.name, () => runStage({ ...inputOf(stage, required), stage })));
  }
  return ordered.map((stage) => ({ stage, dir: dirOf(stage), run: runs.get(stage)! }));
}
