/**
 * `pnpm bench`: every measurement, side by side with the peers doing the same job, as ratios.
 * Numbers vary by machine and load; they are reported, never asserted in tests.
 */
import { runClientBench } from './client-runtime.ts';
import { printSection } from './table.ts';

printSection(
  'Client runtime (min+gzip vs openapi-fetch; per request vs bare fetch on loopback)',
  await runClientBench(),
);
