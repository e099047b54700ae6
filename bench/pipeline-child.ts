/**
 * One measured pipeline run in its own process (so its peak memory is its own), for
 * bench/pipeline.ts. Prints one JSON line: the pipeline's timing lines, the run's time and, with
 * `--rerun`, the time of an immediate second run (which should do no work beyond hashing).
 *   tsx bench/pipeline-child.ts <root> [--third-party [--mini]] [--only <stage>[,<stage>…]] [--rerun] [--workers N]
 */
import * as nodeModule from 'node:module';
import { parseArgs } from 'node:util';

// As scripts/generate.ts does: V8's code cache on disk for the modules loaded below.
nodeModule.enableCompileCache?.(); // Node >= 22.1; absent on older Node
const { runPipeline } = await import('../scripts/pipeline/orchestrator.ts');
const { stages, thirdPartyStages } = await import('../scripts/stages/index.ts');

const { values, positionals } = parseArgs({
  options: {
    'third-party': { type: 'boolean' },
    mini: { type: 'boolean' },
    only: { type: 'string' },
    rerun: { type: 'boolean' },
    workers: { type: 'string', default: '0' },
  },
  allowPositionals: true,
});
const root = positionals[0]!;
// --mini: the validators' Zod Mini build too, as `pnpm generate --spec … --mini` (house mode has it)
const selected = values['third-party']
  ? thirdPartyStages({ warn: () => {}, ...(values.mini ? { mini: true } : {}) })
  : stages;
const lines: string[] = [];
const start = performance.now();
// as `--spec` does for a spec this repository does not own: its sample tokens are warnings
const lint = values['third-party']
  ? { lint: { secrets: 'warning' as const, onWarning: () => {} } }
  : {};
await runPipeline({
  root,
  stages: selected,
  log: (line) => lines.push(line),
  workers: Number(values.workers),
  ...lint,
  ...(values.only ? { only: values.only.split(','), cache: false } : {}),
});
const ms = performance.now() - start;
let noopMs: number | undefined;
if (values.rerun) {
  const again = performance.now();
  const { upToDate } = await runPipeline({ root, stages: selected, log: () => {}, ...lint });
  noopMs = performance.now() - again;
  if (!upToDate) throw new Error('the second run was not a no-op');
}
console.log(JSON.stringify({ lines, ms, noopMs }));
