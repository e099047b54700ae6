/**
 * Worker thread entry of the stage pool (stage-pool.ts): loads stage sets on start (so module
 * loading overlaps the main thread's lint+bundle), then, per batch, takes the next stage from the
 * shared counter until none is left and runs it with run-stage.ts — the stage, the generated
 * notice, Prettier and the hashes — posting each result.
 */
import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { OpenAPIV3_1 } from './openapi-types.ts';
import { plainFile, transferable } from './finished-file.ts';
import { runStage } from './run-stage.ts';
import { modeInWorker } from './stage-source.ts';
import type { Stage } from './stage.ts';
import type { ThirdPartyMode } from '../stages/third-party.ts';
import type { WorkerJob, WorkerReply, WorkerRequest } from './stage-pool.ts';

// Node's compile cache is per thread: the main thread's (scripts/generate.ts) does not reach a
// worker, which would compile TypeScript, Prettier and the stages anew on every run
nodeModule.enableCompileCache?.();

const port = parentPort!;
const modules = new Map<string, Promise<Record<string, unknown>>>();
const load = (url: string) => {
  if (!modules.has(url)) modules.set(url, import(url) as Promise<Record<string, unknown>>);
  return modules.get(url)!;
};
// a job is only taken once the stage modules are loaded: until then the main thread takes them
const ready = Promise.allSettled((workerData as { preload: string[] }).preload.map(load));

let spec: { hash: string; doc: OpenAPIV3_1.Document } | undefined;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

async function findStage(job: WorkerJob, warn: (line: string) => void): Promise<Stage> {
  const exported = (await load(job.source.module))[job.source.export];
  const set = (
    typeof exported === 'function'
      ? (exported as (mode: ThirdPartyMode) => readonly Stage[])(modeInWorker(job.source, warn))
      : exported
  ) as readonly Stage[] | undefined;
  const stage = set?.find((s) => s.name === job.stage);
  if (!stage) throw new Error(`${job.source.module} has no stage ${job.stage}`);
  return stage;
}

port.on('message', async (request: WorkerRequest) => {
  const { batch, jobs, counter } = request;
  if (request.spec) spec = { hash: request.specHash, doc: request.spec };
  await ready;
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= jobs.length) break;
    try {
      if (spec?.hash !== request.specHash) throw new Error('stage worker: the spec was not sent');
      const job = jobs[index]!;
      const stage = await findStage(job, (warn) => reply({ batch, index, warn }));
      const run = await runStage({ ...job.input, spec: spec.doc, stage });
      // the files' bytes move to the main thread (transfer), not copied
      reply(
        { batch, index, run: { ...run, files: run.files.map(plainFile) } },
        transferable(run.files),
      );
    } catch (error) {
      const e = error as Error & { lines?: string[] };
      reply({
        batch,
        index,
        error: { name: e.name, message: e.message, stack: e.stack, lines: e.lines },
      });
    }
  }
  reply({ batch, drained: true });
});
