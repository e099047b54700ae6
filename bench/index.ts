/**
 * `pnpm bench`: every measurement, side by side with the peers doing the same job, as ratios.
 * Numbers vary by machine and load; they are reported, never asserted in tests.
 */
import { runClientBench } from './client-runtime.ts';
import { runPipelineBench } from './pipeline.ts';
import { printSection } from './table.ts';
import { runValidatorsBench } from './validators.ts';

printSection(
  'Client runtime (min+gzip vs openapi-fetch; per request vs bare fetch on loopback)',
  await runClientBench(),
);
printSection(
  'Validators (parse throughput of the largest response schemas; package size min+gzip)',
  await runValidatorsBench(),
);
for (const section of await runPipelineBench()) printSection(section.title, section.rows);
