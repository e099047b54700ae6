/**
 * Worker threads that run stages beside the main thread, so independent stages use every core.
 * A batch of stages is shared through one atomic counter: the main thread and each worker take
 * the next stage as soon as they are free (no thread waits on another's dispatch while it runs a
 * synchronous stage). Each worker gets the bundled spec once per spec hash; results (finished
 * files and hashes) come back by structured clone; third-party warnings are forwarded to the mode
 * the stage set was created with. Idle workers never keep the process alive.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { finishedFile, type PlainFile } from './finished-file.ts';
import type { OpenAPIV3_1 } from './openapi-types.ts';
import type { StageInput, StageRun } from './run-stage.ts';
import { SpecError } from './spec-error.ts';
import {
  stageSource,
  toWorkerSource,
  type StageSource,
  type WorkerSource,
} from './stage-source.ts';
import type { Stage } from './stage.ts';

/** One stage of a batch, as the worker receives it. */
export interface WorkerJob {
  stage: string;
  source: WorkerSource;
  input: Omit<StageInput, 'stage' | 'spec'>;
}

export interface WorkerRequest {
  batch: number;
  jobs: WorkerJob[];
  /** Int32Array over a SharedArrayBuffer: index 0 is the next job to take. */
  counter: Int32Array;
  specHash: string;
  /** Sent when this worker does not hold the spec of `specHash` yet. */
  spec?: OpenAPIV3_1.Document;
}

export type WorkerReply =
  | { batch: number; index: number; warn: string }
  /** A run whose files are plain path and bytes (finished-file.ts `plainFile`). */
  | { batch: number; index: number; run: Omit<StageRun, 'files'> & { files: PlainFile[] } }
  | {
      batch: number;
      index: number;
      error: { name: string; message: string; stack?: string; lines?: string[] };
    }
  | { batch: number; drained: true };

export interface BatchJob {
  stage: Stage;
  source: StageSource;
  input: Omit<StageInput, 'stage'>;
}

/** `pnpm generate`'s worker threads: a count, or `auto` (autoWorkerCount decides per spec). */
export type WorkerSetting = number | 'auto';

/**
 * Worker threads for `pnpm generate` besides the main thread: `MINBIL_GENERATE_WORKERS=N`, else
 * `auto`. Under `--watch` a setting of `auto` means none (watchWorkerCount).
 */
export function defaultWorkerCount(): WorkerSetting {
  const set = process.env.MINBIL_GENERATE_WORKERS;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : 'auto';
}

/**
 * Root documents from this size (bytes, summed over the run's specs) get a worker thread. Measured
 * on an idle 2-core machine (bench/README.md): Stripe's 4 MB YAML took 23.7 s with one worker
 * against 29.7 s in one thread. Car Owner (a 9 KB root over split files, 0.3 MB bundled) gained
 * little or lost with one (5.52 s against 5.23 s in run 9): a worker loads the stage modules
 * again, about 1 s of CPU, and raises the peak memory by half, past the Car Owner target.
 */
export const LARGE_SPEC_BYTES = 1024 * 1024;

/** `auto`: one worker for a large spec on a machine with a second core, else none. */
export function autoWorkerCount(
  specBytes: number,
  cores: number = os.availableParallelism(),
): number {
  return specBytes >= LARGE_SPEC_BYTES && cores >= 2 ? 1 : 0;
}

/** The summed size of a run's root documents (bytes). */
export const rootBytes = (rootFiles: readonly string[]): number =>
  rootFiles.reduce(
    (sum, file) => sum + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );

/** The count a run uses: `auto` resolved from the size of its root documents. */
export function resolveWorkers(setting: WorkerSetting | undefined, rootFiles: readonly string[]) {
  if (setting !== 'auto') return setting ?? 0;
  return autoWorkerCount(rootBytes(rootFiles));
}

/**
 * Under `--watch`, `auto` means no worker: a stage's memo (the parsed spec, last run's output)
 * stays in the thread that ran it, and a save that lands a stage in the other thread pays for
 * it again (edit loop 1.0-1.3 s with a worker against 0.73 s without, run 9).
 */
export function watchWorkerCount(setting: WorkerSetting): number {
  return setting === 'auto' ? 0 : setting;
}

/** V8 heap-size flags, which a worker refuses in its execArgv (it sizes its own heap). */
const HEAP_FLAG = /^--max-(semi|old)-space-size=/;

/**
 * A worker's flags, or undefined to inherit its parent's. The worker loads TypeScript
 * (stage-worker.ts) as its parent does: with Node's own type stripping where the runtime has it
 * (`process.features.typescript`, Node >= 22.18), else through tsx. Inherited flags are never
 * refused (a given list is checked, and a V8 flag in it, such as the heap-size flags `pnpm
 * generate` starts with or `--heap-growing-percent`, fails the worker's start), so only where
 * tsx must be added is a list given, the heap-size flags left out.
 */
export function workerExecArgv(
  parent: readonly string[],
  stripsTypes = Boolean(process.features.typescript),
): string[] | undefined {
  if (stripsTypes || parent.some((a) => a.includes('tsx'))) return undefined;
  return [...parent.filter((a) => !HEAP_FLAG.test(a)), '--import', 'tsx'];
}

const WORKER_ARGV = workerExecArgv(process.execArgv);

interface Slot {
  worker: Worker;
  specHash?: string;
  exited?: number;
}

export class StagePool {
  readonly #slots: Slot[];
  #batches = 0;

  /** Starts `size` workers, each loading the given stage-set modules right away. */
  constructor(size: number, preload: readonly string[]) {
    const url = new URL('./stage-worker.ts', import.meta.url);
    this.#slots = Array.from({ length: size }, () => {
      const worker = new Worker(url, {
        workerData: { preload: [...preload] },
        ...(WORKER_ARGV ? { execArgv: WORKER_ARGV } : {}),
      });
      worker.unref();
      const slot: Slot = { worker };
      worker.once('exit', (code) => (slot.exited = code));
      return slot;
    });
  }

  /**
   * Runs every job, each exactly once, on whichever thread is free first: this thread through
   * `local`, the workers through their own copy of the stage. Results are in `jobs` order.
   */
  async runBatch(
    jobs: readonly BatchJob[],
    local: (job: BatchJob) => Promise<StageRun>,
  ): Promise<StageRun[]> {
    const batch = this.#batches++;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const results: (StageRun | undefined)[] = jobs.map(() => undefined);
    let failure: unknown;
    const live = this.#slots.filter((s) => s.exited === undefined);
    const workers = live.map((slot) => this.#start(slot, batch, jobs, counter, results));
    for (;;) {
      const index = Atomics.add(counter, 0, 1);
      if (index >= jobs.length) break;
      try {
        results[index] = await local(jobs[index]!);
      } catch (error) {
        failure ??= error;
      }
    }
    for (const outcome of await Promise.allSettled(workers))
      if (outcome.status === 'rejected') failure ??= outcome.reason;
    if (failure) throw failure;
    return results.map((r, i) => {
      if (!r) throw new Error(`stage ${jobs[i]!.stage.name} was not run`);
      return r;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  /** Resolves when the worker has taken no more jobs; rejects on the first failed job. */
  #start(
    slot: Slot,
    batch: number,
    jobs: readonly BatchJob[],
    counter: Int32Array,
    results: (StageRun | undefined)[],
  ): Promise<void> {
    const specHash = jobs[0]!.input.specHash;
    const request: WorkerRequest = {
      batch,
      counter,
      specHash,
      jobs: jobs.map(({ stage, source, input: { spec: _spec, ...input } }) => ({
        stage: stage.name,
        source: toWorkerSource(source),
        input,
      })),
      ...(slot.specHash === specHash ? {} : { spec: jobs[0]!.input.spec }),
    };
    slot.specHash = specHash;
    const { worker } = slot;
    return new Promise<void>((resolve, reject) => {
      let failure: Error | undefined;
      const onExit = (code: number) => {
        done();
        reject(new Error(`a stage worker exited (code ${code})`));
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.batch !== batch) return;
        if ('drained' in reply) {
          done();
          return failure ? reject(failure) : resolve();
        }
        if ('warn' in reply) return jobs[reply.index]!.source.mode?.warn(reply.warn);
        if ('run' in reply) {
          const { files, ...run } = reply.run;
          results[reply.index] = { ...run, files: files.map((f) => finishedFile(f.path, f.bytes)) };
          return;
        }
        const { lines, message, stack, name } = reply.error;
        const error = lines ? new SpecError(lines) : Object.assign(new Error(message), { name });
        if (stack && !lines) error.stack = stack;
        failure ??= error;
      };
      const done = () => {
        worker.unref();
        worker.off('message', onMessage).off('exit', onExit).off('error', onError);
      };
      worker.on('message', onMessage).on('exit', onExit).on('error', onError);
      worker.ref();
      worker.postMessage(request);
    });
  }
}

/** The pool of one run: the caller's (`pool`, kept across runs), or `workers` new threads. */
export interface RunPool {
  get(): StagePool | undefined;
  /** Terminates the threads this run started (never the caller's pool). */
  close(): Promise<void>;
}

export function startPool(
  options: { pool?: StagePool; workers?: number },
  stages: readonly Stage[],
): RunPool {
  if (options.pool) return { get: () => options.pool, close: async () => {} };
  const pool = createPool(options.workers ?? 0, stages);
  return { get: () => pool, close: async () => pool?.close() };
}

/**
 * `size` workers preloading the modules of the given stages; none when fewer than two of them can
 * run in a worker (`--only client-types`: one stage has nothing to share a core with).
 */
export function createPool(size: number, stages: readonly Stage[]): StagePool | undefined {
  const loadable = stages.filter((s) => stageSource(s) !== undefined);
  const modules = [...new Set(loadable.map((s) => stageSource(s)!.module))];
  return size > 0 && loadable.length > 1 ? new StagePool(size, modules) : undefined;
}
