// The committed generated files are exactly what `pnpm generate` produces from the committed spec.
import { expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';

it('generated files match a fresh run', async () => {
  const { stale, files } = await runPipeline({
    root: repoRoot,
    stages,
    check: true,
    log: () => {},
  });
  expect(files.length).toBeGreaterThan(0);
  expect(stale.map((file) => `${file} is stale — run pnpm generate`)).toEqual([]);
});
