// Runs the pipeline (light stages) on the repository argv[2] and SIGKILLs itself right after
// write step argv[3] (0: never); prints how many write steps the run took.
import { runPipeline } from '../../../scripts/pipeline/orchestrator.ts';
import { lightStages } from './light-stages.ts';

const killAt = Number(process.argv[3] ?? 0);
let steps = 0;
await runPipeline({
  root: process.argv[2]!,
  stages: lightStages,
  cache: false,
  log: () => {},
  onWriteStep: () => {
    steps++;
    if (steps === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write(String(steps));
