/**
 * `pnpm bench`: every measurement, side by side with the peers doing the same job, as ratios,
 * then every target of issue 12 with met / not met. Numbers vary by machine and load; they are
 * reported, never asserted in tests. Each part also runs alone (see bench/README.md).
 */
import { runClientBench } from './client-runtime.ts';
import { runEditLoopBench } from './edit-loop.ts';
import { runPipelineBench } from './pipeline.ts';
import { printSection } from './table.ts';
import { printTargets } from './targets.ts';
import { runValidatorsBench } from './validators.ts';

printSection(
  'Client runtime (min+gzip vs openapi-fetch; per request vs bare fetch on loopback)',
  await runClientBench(),
);
printSection(
  'Validators (parse throughput of the largest response schemas; package size min+gzip)',
  await runValidatorsBench(),
);
const editLoop = runEditLoopBench();
printSection(editLoop.section.title, editLoop.section.rows);
const pipeline = await runPipelineBench(undefined, (section) =>
  printSection(section.title, section.rows),
);
printTargets([...pipeline.targets, ...editLoop.targets]);
