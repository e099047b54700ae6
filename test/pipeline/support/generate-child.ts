// Runs the whole pipeline on the repository given as argv[2]; the kill test SIGKILLs it mid-run.
import { runPipeline } from '../../../scripts/pipeline/orchestrator.ts';
import { stages } from '../../../scripts/stages/index.ts';

await runPipeline({ root: process.argv[2]!, stages, cache: false, log: () => {} });
